package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitmapFontTest {

    private static final String REQUIRED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            + " .,-+=:;_/()[]<>%'\"!?*#|~^&@${}\\`";

    @Test
    void everyRequiredCharacterHasItsOwnGlyph() {
        Map<String, Character> seen = new HashMap<>();
        for (char c : REQUIRED.toCharArray()) {
            assertTrue(BitmapFont.hasGlyph(c), "missing glyph for '" + c + "'");
            Character previous = seen.put(Arrays.toString(BitmapFont.glyph(c)), c);
            assertNull(previous, "'" + c + "' looks exactly like '" + previous + "'");
        }
    }

    @Test
    void unknownCharactersFallBackToABox() {
        assertFalse(BitmapFont.hasGlyph('\u00e9'));
        assertArrayEquals(BitmapFont.glyph('\u00e9'), BitmapFont.glyph('\u2603'));
        int[] box = BitmapFont.glyph('\u00e9');
        assertEquals(0b11111, box[0]);
        assertEquals(0b10001, box[3]);
    }

    @Test
    void textDrawsExactlyTheGlyphPixels() {
        RgbCanvas canvas = new RgbCanvas(20, 10, 0xFFFFFF);
        canvas.text("1", 2, 1, 1, 0x000000);
        // '1' is "..#.." / ".##.." / "..#.." x4 / ".###."
        String[] expected = {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."};
        for (int row = 0; row < 7; row++) {
            for (int col = 0; col < 5; col++) {
                boolean ink = expected[row].charAt(col) == '#';
                assertEquals(ink ? 0 : 0xFFFFFF, canvas.rgb(2 + col, 1 + row), "row " + row + " col " + col);
            }
        }
    }

    @Test
    void scaledTextWidth() {
        assertEquals(0, RgbCanvas.textWidth("", 2));
        assertEquals(5, RgbCanvas.textWidth("a", 1));
        assertEquals((3 * 6 - 1) * 2, RgbCanvas.textWidth("abc", 2));
        RgbCanvas canvas = new RgbCanvas(40, 20, 0xFFFFFF);
        canvas.text("-", 0, 0, 2, 0xFF0000);
        // '-' is ".###." on row 3: at scale 2 columns 2..7, rows 6..7
        assertEquals(0xFF0000, canvas.rgb(2, 6));
        assertEquals(0xFF0000, canvas.rgb(7, 7));
        assertEquals(0xFFFFFF, canvas.rgb(1, 6));
        assertEquals(0xFFFFFF, canvas.rgb(8, 6));
    }
}

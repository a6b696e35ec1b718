package io.jgan.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void csvWithOrWithoutHeader() throws IOException {
        Table t = Table.csv(List.of("x, y", "1, 2", "", "3.5,-4"), "t.csv");
        assertEquals(2, t.width());
        assertEquals(2, t.samples());
        assertArrayEquals(new float[] {1, 2, 3.5f, -4}, t.rows());
        assertArrayEquals(new float[] {1, 2}, Table.csv(List.of("1,2"), "t.csv").rows());
    }

    @Test
    void badCsvSaysWhere() {
        assertEquals("t.csv: line 3, column 2 is 'oops', not a number",
                assertThrows(IOException.class, () -> Table.csv(List.of("x,y", "1,2", "3,oops"), "t.csv")).getMessage());
        assertEquals("t.csv: line 2 has 3 columns, line 1 has 2",
                assertThrows(IOException.class, () -> Table.csv(List.of("1,2", "1,2,3"), "t.csv")).getMessage());
        assertEquals("t.csv: sample 1, column 2 is NaN; every value must be finite",
                assertThrows(IOException.class, () -> Table.csv(List.of("1,NaN"), "t.csv")).getMessage());
        assertEquals("t.csv is empty", assertThrows(IOException.class, () -> Table.csv(List.of(" "), "t.csv")).getMessage());
        assertEquals("t.csv has a header but no rows",
                assertThrows(IOException.class, () -> Table.csv(List.of("x,y"), "t.csv")).getMessage());
    }

    @Test
    void seedsAsRangeOrList() {
        assertEquals(List.of(1L, 2L, 3L), Seeds.parse("1..3"));
        assertEquals(List.of(5L, 1L), Seeds.parse("5, 1"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("3..1"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("1,1"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("a..b"));
    }
}

package io.jgan.samples.even;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's acceptance check, on fixed seeds, and reproducibility. */
class EvenGanTest {

    /**
     * The seed's own test: after training, every generated number is even. PyTorch's run of the seed
     * code gets there in 25 of seeds 0..29 (83%); this checks jgan's rate on 100 fixed seeds is at
     * least 75%, and that the generator collapses onto few numbers as in the article.
     */
    @Test
    void seedSpecLearnsEvenNumbersOnMostSeeds() {
        int allEven = 0;
        int distinct = 0;
        List<Long> failing = new ArrayList<>();
        for (long seed = 0; seed < 100; seed++) {
            EvenGan.Result r = EvenGan.train(EvenSpec.SEED, seed, EvenSpec.SEED.defaultSteps(), null);
            if (r.evenFraction() == 1.0) {
                allEven++;
            } else {
                failing.add(seed);
            }
            distinct += r.distinct();
        }
        System.out.printf("seed spec: %d of 100 seeds all even (not: %s), mean distinct %.1f%n", allEven, failing,
                distinct / 100.0);
        assertTrue(allEven >= 75, allEven + " of 100 seeds gave only even numbers; failing seeds " + failing);
        assertTrue(distinct / 100.0 < 20, "the seed's GAN should collapse onto few numbers, mean distinct " + distinct / 100.0);
    }

    @Test
    void aRunIsIdenticalWhenRepeated() {
        EvenGan.Result first = EvenGan.train(EvenSpec.SEED, 7, 200, null);
        EvenGan.Result second = EvenGan.train(EvenSpec.SEED, 7, 200, null);
        assertArrayEquals(first.generatorParameters(), second.generatorParameters());
        assertArrayEquals(first.counts(), second.counts());
        EvenGan.Result other = EvenGan.train(EvenSpec.SEED, 8, 200, null);
        assertFalse(java.util.Arrays.equals(first.generatorParameters(), other.generatorParameters()),
                "another seed must give another run");
    }

    @Test
    void decodeReadsBitsMostSignificantFirst() {
        float[] bits = new float[7];
        EvenData.encode(56, bits, 0);
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0, 0}, bits);
        assertEquals(56, EvenData.decode(bits, 0));
        assertEquals(127, EvenData.decode(new float[] {0.6f, 0.9f, 0.51f, 1, 1, 1, 1}, 0));
    }

    @Test
    void summaryLineHasTheDocumentedForm() {
        EvenGan.Result r = EvenGan.train(EvenSpec.SEED, 3, 20, null);
        assertTrue(r.summaryLine().matches("even_fraction=\\d\\.\\d{3} distinct=\\d+ step_us=\\d+\\.\\d"), r.summaryLine());
    }

    /** The diverse spec keeps its diversity: all even, and at least 48 of the 64 even numbers. */
    @Test
    void diverseSpecCoversTheEvenNumbers() {
        for (long seed = 1; seed <= 3; seed++) {
            EvenGan.Result r = EvenGan.train(EvenSpec.DIVERSE, seed, EvenSpec.DIVERSE.defaultSteps(), null);
            assertEquals(1.0, r.evenFraction(), "seed " + seed + " generated odd numbers");
            assertTrue(r.evenCovered() >= 48, "seed " + seed + " covered only " + r.evenCovered() + " of 64 even numbers");
        }
    }
}

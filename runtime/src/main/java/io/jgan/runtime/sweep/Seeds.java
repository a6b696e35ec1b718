package io.jgan.runtime.sweep;

import java.util.ArrayList;
import java.util.List;

/** Seed lists as a user writes them: a range {@code 1..20} (both ends included) or a list {@code 1,5,9}. */
public final class Seeds {
    /** The most seeds a range may hold. */
    public static final int MAX = 100_000;

    private Seeds() {}

    /**
     * {@return the seeds {@code text} lists, in order}
     *
     * @param text {@code 1..20} or {@code 1,5,9}
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static List<Long> parse(String text) {
        List<Long> list = new ArrayList<>();
        try {
            int range = text.indexOf("..");
            if (range >= 0) {
                long from = Long.parseLong(text.substring(0, range).strip());
                long to = Long.parseLong(text.substring(range + 2).strip());
                if (to < from || to - from >= MAX) {
                    throw new IllegalArgumentException(text + ": a range must go upwards and hold at most " + MAX
                            + " seeds");
                }
                for (long s = from; s <= to; s++) {
                    list.add(s);
                }
            } else {
                for (String s : text.split(",")) {
                    list.add(Long.parseLong(s.strip()));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + " is not a range like 1..20 or a list like 1,5,9");
        }
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException(text + " lists a seed twice");
        }
        return list;
    }
}

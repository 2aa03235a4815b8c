package threadlab.grader.batch;

import java.util.ArrayList;
import java.util.List;

/** Deterministic slices of a class, so that a CI matrix of N runners grades each student exactly once. */
public final class Shards {

    private Shards() {
    }

    /** The {@code index}-th (1-based) of {@code count} slices of {@code sortedIds}: every count-th id, from index - 1. */
    static List<String> slice(List<String> sortedIds, int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard K/N needs 1 <= K <= N, not " + index + "/" + count);
        }
        List<String> slice = new ArrayList<>();
        for (int i = index - 1; i < sortedIds.size(); i += count) {
            slice.add(sortedIds.get(i));
        }
        return slice;
    }

    /** Reads {@code K/N}. */
    public static int[] parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                int[] shard = {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
                slice(List.of(), shard[0], shard[1]);
                return shard;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("--shard takes K/N, e.g. 1/4, not '" + text + "'");
    }
}

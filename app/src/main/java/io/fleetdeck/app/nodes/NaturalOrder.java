package io.fleetdeck.app.nodes;

import java.util.Comparator;

/** Orders "ip-10-0-0-4" before "ip-10-0-0-10": runs of digits compare as numbers. */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = compareNumbers(a, si, i, b, sj, j);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Compares the digit runs a[as, ae) and b[bs, be) as numbers of any length, without allocating: leading zeros
     * skipped, then the longer number is larger, else the first differing digit decides. (It runs for every pair a
     * sort of 5,000 node names compares.)
     */
    private static int compareNumbers(String a, int as, int ae, String b, int bs, int be) {
        while (as < ae - 1 && a.charAt(as) == '0') {
            as++;
        }
        while (bs < be - 1 && b.charAt(bs) == '0') {
            bs++;
        }
        int lengths = Integer.compare(ae - as, be - bs);
        if (lengths != 0) {
            return lengths;
        }
        for (; as < ae; as++, bs++) {
            int c = Character.compare(a.charAt(as), b.charAt(bs));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

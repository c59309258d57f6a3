package io.restake4j.eigenlayer.rewards;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A stable merge sort of an {@code int[]} permutation under a comparator on the indices, so that
 * millions of rows can be ordered without boxing. The two halves of a large range are sorted in
 * parallel; a stable sort has exactly one result, so the outcome does not depend on scheduling.
 */
final class RowSort {

    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 24;
    private static final int PARALLEL = 1 << 15;

    private RowSort() {
    }

    /** Sorts {@code perm} in place; {@code pool} may be {@code null} for a sequential sort. */
    static void sort(int[] perm, IndexComparator cmp, ForkJoinPool pool) {
        if (isSorted(perm, cmp)) {
            return;
        }
        int[] aux = perm.clone();
        if (pool == null || perm.length < PARALLEL) {
            mergeSort(aux, perm, 0, perm.length, cmp);
        } else {
            pool.invoke(new SortTask(aux, perm, 0, perm.length, cmp));
        }
    }

    private static boolean isSorted(int[] perm, IndexComparator cmp) {
        for (int i = 1; i < perm.length; i++) {
            if (cmp.compare(perm[i - 1], perm[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Sorts {@code [lo, hi)} into {@code dst}; on entry {@code src} and {@code dst} hold the same values there. */
    private static void mergeSort(int[] src, int[] dst, int lo, int hi, IndexComparator cmp) {
        if (hi - lo <= INSERTION) {
            insertionSort(dst, lo, hi, cmp);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(dst, src, lo, mid, cmp);
        mergeSort(dst, src, mid, hi, cmp);
        merge(src, dst, lo, mid, hi, cmp);
    }

    private static void insertionSort(int[] a, int lo, int hi, IndexComparator cmp) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && cmp.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Merges the sorted runs {@code src[lo, mid)} and {@code src[mid, hi)} into {@code dst}; ties take the left run first. */
    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, IndexComparator cmp) {
        if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        int p = lo;
        int q = mid;
        for (int i = lo; i < hi; i++) {
            if (q >= hi || (p < mid && cmp.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }

    private static final class SortTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final int[] src;
        private final int[] dst;
        private final int lo;
        private final int hi;
        private final transient IndexComparator cmp;

        SortTask(int[] src, int[] dst, int lo, int hi, IndexComparator cmp) {
            this.src = src;
            this.dst = dst;
            this.lo = lo;
            this.hi = hi;
            this.cmp = cmp;
        }

        @Override
        protected void compute() {
            if (hi - lo < PARALLEL) {
                mergeSort(src, dst, lo, hi, cmp);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new SortTask(dst, src, lo, mid, cmp), new SortTask(dst, src, mid, hi, cmp));
            merge(src, dst, lo, mid, hi, cmp);
        }
    }
}

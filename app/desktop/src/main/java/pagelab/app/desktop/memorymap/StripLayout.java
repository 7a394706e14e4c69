package pagelab.app.desktop.memorymap;

import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Region;

import java.util.Arrays;
import java.util.List;

/**
 * Where each region of an address space falls along the page strip, as fractions of its length.
 *
 * <p>{@link Scale#PROPORTIONAL} is true to size, which suits a 2 GiB x86 space; in a 128 TiB x64 space every
 * allocation would be far narrower than a pixel, so {@link Scale#COMPACT} gives each region a width that grows
 * with the logarithm of its size, and free gaps half that. The layout is computed once per snapshot and costs
 * O(regions), never O(pages).
 */
public final class StripLayout {
    /** How region sizes map to widths. */
    public enum Scale { PROPORTIONAL, COMPACT }

    private final List<Region> regions;
    private final double[] starts;

    private StripLayout(List<Region> regions, double[] starts) {
        this.regions = regions;
        this.starts = starts;
    }

    public static StripLayout of(List<Region> regions, Scale scale) {
        double[] starts = new double[regions.size() + 1];
        double total = 0;
        for (int i = 0; i < regions.size(); i++) {
            starts[i] = total;
            total += weight(regions.get(i), scale);
        }
        starts[regions.size()] = total;
        if (total > 0) {
            for (int i = 0; i < starts.length; i++) {
                starts[i] /= total;
            }
        }
        return new StripLayout(List.copyOf(regions), starts);
    }

    private static double weight(Region r, Scale scale) {
        double size = Math.max(1, r.size());
        if (scale == Scale.PROPORTIONAL) {
            return size;
        }
        double pages = Math.max(1, size / 4096.0);
        double log = Math.log(pages) / Math.log(2);
        return r.state() == WinNT.MEM_FREE ? 1 + log / 2 : 2 + log;
    }

    public List<Region> regions() {
        return regions;
    }

    public int size() {
        return regions.size();
    }

    /** Where region {@code i} starts, 0 to 1. */
    public double start(int i) {
        return starts[i];
    }

    /** Where region {@code i} ends, 0 to 1. */
    public double end(int i) {
        return starts[i + 1];
    }

    /** The region at fraction {@code f} of the strip, or -1 outside it. */
    public int regionAt(double f) {
        if (regions.isEmpty() || f < 0 || f > 1) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, f);
        int idx = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(idx, regions.size() - 1));
    }

    /** The index of the region starting at {@code base}, or -1. */
    public int indexOfBase(long base) {
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long b = regions.get(mid).base();
            if (b < base) {
                lo = mid + 1;
            } else if (b > base) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}

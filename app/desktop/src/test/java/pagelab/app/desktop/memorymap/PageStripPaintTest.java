package pagelab.app.desktop.memorymap;

import org.junit.jupiter.api.Test;
import pagelab.kernel.inspect.AddressSpaceSnapshot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paints the strip off screen. The times are printed for the report, not asserted (no timing assertions in unit
 * tests); what is asserted is that a 128 TiB space with thousands of allocations paints every one of them.
 */
class PageStripPaintTest {
    @Test
    void a128TiBSpaceWithThousandsOfRegionsPaintsEveryAllocation() {
        AddressSpaceSnapshot s = Snapshots.bigX64(5000);
        PageStrip strip = new PageStrip();
        strip.setSize(1200, 6 * 16);
        long t0 = System.nanoTime();
        StripLayout layout = StripLayout.of(s.regions(), StripLayout.Scale.COMPACT);
        long t1 = System.nanoTime();
        strip.setLayout(layout, new BitSet(), true);
        BufferedImage img = new BufferedImage(1200, 96, BufferedImage.TYPE_INT_RGB);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            Graphics2D g = img.createGraphics();
            long p0 = System.nanoTime();
            strip.paint(g);
            best = Math.min(best, System.nanoTime() - p0);
            g.dispose();
        }
        System.out.printf("PageStrip: %d regions, layout %.1f ms, paint %.1f ms (best of 5)%n", layout.size(),
                (t1 - t0) / 1e6, best / 1e6);
        int guard = PageKind.GUARD.color().getRGB();
        int committed = PageKind.COMMITTED.color().getRGB();
        int guardPixels = 0;
        int committedPixels = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                guardPixels += rgb == guard ? 1 : 0;
                committedPixels += rgb == committed ? 1 : 0;
            }
        }
        assertThat(guardPixels).as("guard pixels").isGreaterThan(5000);
        assertThat(committedPixels).as("committed pixels").isGreaterThan(5000);
    }

    @Test
    void aClickFindsTheRegionUnderThePointer() {
        AddressSpaceSnapshot s = Snapshots.smallX86(1);
        PageStrip strip = new PageStrip();
        strip.setSize(600, 96);
        StripLayout layout = StripLayout.of(s.regions(), StripLayout.Scale.COMPACT);
        strip.setLayout(layout, new BitSet(), false);
        assertThat(strip.regionAt(0, 0)).isEqualTo(0);
        assertThat(strip.regionAt(599, 95)).isEqualTo(layout.size() - 1);
        assertThat(strip.regionAt(-1, 0)).isEqualTo(-1);
    }
}

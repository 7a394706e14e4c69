package pagelab.app.desktop.memorymap;

import com.formdev.flatlaf.util.UIScale;
import pagelab.kernel.WinNT;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.inspect.Region;

import javax.swing.JComponent;
import javax.swing.ToolTipManager;
import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The page strip: the whole user-mode address space as a band wrapped over several rows, each block painted in the
 * colour of its {@link PageKind}. Painting walks the regions of a {@link StripLayout}, so its cost does not depend
 * on the size of the space; blocks narrower than a pixel still get one pixel so that no allocation disappears.
 */
public final class PageStrip extends JComponent {
    private StripLayout layout = StripLayout.of(List.of(), StripLayout.Scale.COMPACT);
    private BitSet changed = new BitSet();
    private int selFrom = -1;
    private int selTo = -1;
    private boolean is64;
    private IntConsumer onSelect = i -> { };

    public PageStrip() {
        setName("pageStrip");
        setOpaque(true);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                int i = regionAt(e.getX(), e.getY());
                if (i >= 0) {
                    onSelect.accept(i);
                }
            }
        };
        addMouseListener(mouse);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        ToolTipManager.sharedInstance().registerComponent(this);
    }

    @Override
    public void removeNotify() {
        ToolTipManager.sharedInstance().unregisterComponent(this);
        super.removeNotify();
    }

    /** Shows {@code value}; {@code changedRegions} marks the regions that are new since the previous step. */
    public void setLayout(StripLayout value, BitSet changedRegions, boolean addresses64) {
        layout = value;
        changed = (BitSet) changedRegions.clone();
        is64 = addresses64;
        selFrom = -1;
        selTo = -1;
        repaint();
    }

    public StripLayout layoutModel() {
        return layout;
    }

    /** Outlines regions {@code from} to {@code to} inclusive (-1 for none). */
    public void select(int from, int to) {
        selFrom = from;
        selTo = to;
        repaint();
    }

    /** Called with a region index when the user clicks the strip. */
    public void onSelect(IntConsumer listener) {
        onSelect = listener;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(UIScale.scale(600), UIScale.scale(6 * 16));
    }

    private int rowHeight() {
        return UIScale.scale(16);
    }

    private int rows() {
        return Math.max(1, getHeight() / rowHeight());
    }

    /** The region under a point, or -1. */
    public int regionAt(int x, int y) {
        int w = getWidth();
        if (w <= 0 || x < 0 || x >= w || y < 0) {
            return -1;
        }
        int row = y / rowHeight();
        if (row >= rows()) {
            return -1;
        }
        return layout.regionAt((row * (double) w + x) / (rows() * (double) w));
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int i = regionAt(e.getX(), e.getY());
        if (i < 0) {
            return null;
        }
        Region r = layout.regions().get(i);
        String prot = r.state() == WinNT.MEM_COMMIT ? " " + Win32Format.protection(r.protect()) : "";
        return "<html><b>" + PageKind.of(r).label() + "</b><br>" + Win32Format.address(r.base(), is64) + " - "
                + Win32Format.address(r.end() - 1, is64) + " (" + Win32Format.size(r.size()) + ")<br>"
                + Win32Format.state(r.state()) + " " + Win32Format.type(r.type()) + prot + "</html>";
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(getBackground() != null ? getBackground() : UIManager.getColor("Panel.background"));
            g2.fillRect(0, 0, getWidth(), getHeight());
            paintRegions(g2);
        } finally {
            g2.dispose();
        }
    }

    private void paintRegions(Graphics2D g) {
        int w = getWidth();
        int rows = rows();
        int rh = rowHeight();
        int gap = Math.max(1, UIScale.scale(2));
        double total = rows * (double) w;
        Color[] colors = new Color[PageKind.values().length];
        for (PageKind k : PageKind.values()) {
            colors[k.ordinal()] = k.color();
        }
        Color marker = colorOr("MemoryMap.changed.foreground", new Color(0x1565C0));
        for (int i = 0; i < layout.size(); i++) {
            PageKind kind = PageKind.of(layout.regions().get(i));
            long from = Math.round(layout.start(i) * total);
            long to = Math.round(layout.end(i) * total);
            if (kind != PageKind.FREE && to <= from) {
                to = from + 1; // a block narrower than a pixel still shows
            }
            g.setColor(colors[kind.ordinal()]);
            span(g, from, to, w, rh, gap, 0, rh - gap);
            if (changed.get(i)) {
                g.setColor(marker);
                span(g, from, Math.max(to, from + 2), w, rh, gap, rh - gap - UIScale.scale(3), UIScale.scale(3));
            }
        }
        paintSelection(g, total, w, rh, gap);
    }

    private void paintSelection(Graphics2D g, double total, int w, int rh, int gap) {
        if (selFrom < 0 || selTo < selFrom || selTo >= layout.size()) {
            return;
        }
        long from = Math.round(layout.start(selFrom) * total);
        long to = Math.max(from + 2, Math.round(layout.end(selTo) * total));
        g.setColor(colorOr("MemoryMap.selection.border", Color.BLACK));
        for (long x = from; x < to; ) {
            int row = (int) (x / w);
            long rowEnd = Math.min(to, (row + 1L) * w);
            int x0 = (int) (x - (long) row * w);
            int x1 = (int) (rowEnd - (long) row * w);
            g.drawRect(x0, row * rh, Math.max(1, x1 - x0 - 1), rh - gap - 1);
            g.drawRect(x0 + 1, row * rh + 1, Math.max(1, x1 - x0 - 3), rh - gap - 3);
            x = rowEnd;
        }
    }

    // Fills [from, to) of the unrolled strip, wrapping at the component's width.
    private static void span(Graphics2D g, long from, long to, int w, int rh, int gap, int dy, int h) {
        for (long x = from; x < to; ) {
            int row = (int) (x / w);
            long rowEnd = Math.min(to, (row + 1L) * w);
            g.fillRect((int) (x - (long) row * w), row * rh + dy, (int) (rowEnd - x), h);
            x = rowEnd;
        }
    }

    private static Color colorOr(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c != null ? c : fallback;
    }
}

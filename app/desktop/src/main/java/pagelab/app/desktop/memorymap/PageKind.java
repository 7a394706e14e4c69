package pagelab.app.desktop.memorymap;

import pagelab.app.desktop.Messages;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Region;

import javax.swing.UIManager;
import java.awt.Color;

/**
 * What the page strip colours a block by. The colours are LaF properties ({@code MemoryMap.committed.background}
 * in {@code FlatLightLaf.properties} / {@code FlatDarkLaf.properties}), so each theme picks its own.
 */
public enum PageKind {
    FREE("free", 0xEEEEEE),
    RESERVED("reserved", 0xB8CCE4),
    COMMITTED("committed", 0x43A047),
    GUARD("guard", 0xE53935),
    COPY_ON_WRITE("copyOnWrite", 0xFB8C00),
    SHARED("shared", 0x8E24AA);

    private final String key;
    private final Color fallback;

    PageKind(String key, int fallbackRgb) {
        this.key = key;
        this.fallback = new Color(fallbackRgb);
    }

    /**
     * The kind of a block. Guard wins over everything (it is what the student must notice), then copy-on-write,
     * then sharing: committed mapped views and committed image pages that are not copy-on-write are backed by
     * pages other views or processes can see, as chapter 17 describes.
     */
    public static PageKind of(Region r) {
        if (r.state() == WinNT.MEM_FREE) {
            return FREE;
        }
        if (r.state() == WinNT.MEM_RESERVE) {
            return RESERVED;
        }
        int base = r.protect() & 0xFF;
        if ((r.protect() & WinNT.PAGE_GUARD) != 0) {
            return GUARD;
        }
        if (base == WinNT.PAGE_WRITECOPY || base == WinNT.PAGE_EXECUTE_WRITECOPY) {
            return COPY_ON_WRITE;
        }
        if (r.type() == WinNT.MEM_MAPPED || r.type() == WinNT.MEM_IMAGE) {
            return SHARED;
        }
        return COMMITTED;
    }

    public String colorKey() {
        return "MemoryMap." + key + ".background";
    }

    /** The theme's colour for this kind, or a built-in one if the theme has none. */
    public Color color() {
        Color c = UIManager.getColor(colorKey());
        return c != null ? c : fallback;
    }

    /** The translated name shown in the legend. */
    public String label() {
        return Messages.get("memoryMap.kind." + key);
    }
}

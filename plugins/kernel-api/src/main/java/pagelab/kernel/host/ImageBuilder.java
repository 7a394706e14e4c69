package pagelab.kernel.host;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a PE-like image the way a linker would, for a checker or a test to install in a machine's file system:
 * <pre>
 *   ImageFile exe = ImageBuilder.exe("AppInst.exe")
 *       .code(0x1000)
 *       .data(".data", 0x1000).global("g_counter", ".data", 0)
 *       .sharedData("Shared", 0x1000).global("g_lInstanceCount", "Shared", 0)   // #pragma data_seg + /SECTION:Shared,RWS
 *       .build();
 *   machine.files().write("C:\\PageLab\\AppInst.exe", exe.toBytes());
 * </pre>
 * Defaults: an exe prefers 0x00400000, a DLL 0x10000000 (the linker's defaults); 1 MiB stack reserve.
 */
public final class ImageBuilder {
    private final String name;
    private final boolean dll;
    private long preferredBase;
    private boolean fixed;
    private long stackReserve = 0x100000;
    private final List<ImageFile.Section> sections = new ArrayList<>();
    private final Map<String, ImageFile.Symbol> symbols = new LinkedHashMap<>();
    private final List<String> imports = new ArrayList<>();

    private ImageBuilder(String name, boolean dll) {
        this.name = name;
        this.dll = dll;
        this.preferredBase = dll ? 0x10000000L : 0x00400000L;
    }

    public static ImageBuilder exe(String name) {
        return new ImageBuilder(name, false);
    }

    public static ImageBuilder dll(String name) {
        return new ImageBuilder(name, true);
    }

    /** {@code /BASE:address}; rounded down to 64 KiB as the linker does. */
    public ImageBuilder preferredBase(long base) {
        this.preferredBase = base & ~0xFFFFL;
        return this;
    }

    /** {@code /FIXED}: no relocation information, so the image loads only at its preferred base. */
    public ImageBuilder fixed(boolean fixed) {
        this.fixed = fixed;
        return this;
    }

    /** {@code /STACK:reserve}. */
    public ImageBuilder stackReserve(long bytes) {
        this.stackReserve = bytes;
        return this;
    }

    public ImageBuilder section(String sectionName, int characteristics, long virtualSize, byte[] data) {
        sections.add(new ImageFile.Section(sectionName, characteristics, Math.max(virtualSize, data.length), data));
        return this;
    }

    /** A {@code .text} section: execute/read, shared by every process as long as nobody writes it. */
    public ImageBuilder code(long size) {
        return section(".text", ImageFile.EXECUTE | ImageFile.READ, size, new byte[0]);
    }

    /** A read-only data section ({@code .rdata}). */
    public ImageBuilder readOnlyData(String sectionName, long size) {
        return section(sectionName, ImageFile.READ, size, new byte[0]);
    }

    /** A writable data section ({@code .data}): copy-on-write, so every process gets its own copy when it writes. */
    public ImageBuilder data(String sectionName, long size) {
        return section(sectionName, ImageFile.READ | ImageFile.WRITE, size, new byte[0]);
    }

    /** A writable section marked shared ({@code /SECTION:name,RWS}): one set of pages for all processes. */
    public ImageBuilder sharedData(String sectionName, long size) {
        return section(sectionName, ImageFile.READ | ImageFile.WRITE | ImageFile.SHARED, size, new byte[0]);
    }

    /** A named global at {@code offset} inside a section; its RVA is computed when the image is built. */
    public ImageBuilder global(String symbol, String sectionName, long offset) {
        symbols.put(symbol, new ImageFile.Symbol(sectionName, offset));
        return this;
    }

    /** A named 32-bit global with an initial value (initialised data, as {@code LONG g = 5;}). */
    public ImageBuilder global(String symbol, String sectionName, long offset, int initialValue) {
        global(symbol, sectionName, offset);
        for (int i = 0; i < sections.size(); i++) {
            ImageFile.Section s = sections.get(i);
            if (s.name().equals(sectionName)) {
                byte[] data = Arrays.copyOf(s.data(), (int) Math.max(s.data().length, offset + 4));
                ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt((int) offset, initialValue);
                sections.set(i, new ImageFile.Section(s.name(), s.characteristics(), s.virtualSize(), data));
            }
        }
        return this;
    }

    /** DLLs the loader maps with the image (its import table). */
    public ImageBuilder imports(String... dlls) {
        imports.addAll(List.of(dlls));
        return this;
    }

    public ImageFile build() {
        ImageFile draft = new ImageFile(name, dll, preferredBase, fixed, stackReserve, sections, Map.of(), imports);
        List<Long> rvas = draft.sectionRvas();
        Map<String, ImageFile.Symbol> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, ImageFile.Symbol> e : symbols.entrySet()) {
            int index = indexOf(e.getValue().section());
            if (index < 0) {
                throw new IllegalArgumentException("global " + e.getKey() + ": no section " + e.getValue().section());
            }
            resolved.put(e.getKey(), new ImageFile.Symbol(e.getValue().section(), rvas.get(index) + e.getValue().rva()));
        }
        return new ImageFile(name, dll, preferredBase, fixed, stackReserve, sections, resolved, imports);
    }

    private int indexOf(String sectionName) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(sectionName)) {
                return i;
            }
        }
        return -1;
    }
}

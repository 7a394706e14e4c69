package pagelab.kernel.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PE-like executable image as it is stored in the simulated file system: named sections with characteristics,
 * initialised data, named globals, a preferred base, relocations or {@code /FIXED}, the imports and the stack
 * reserve. Sections are laid out one after the other from RVA 0x1000 (the headers take the first page), each on a
 * page boundary. Build one with {@link ImageBuilder}; checkers read one back with {@link #parse(byte[])}.
 *
 * @param dll           a DLL (loaded with LoadLibrary) rather than an exe
 * @param preferredBase where the image wants to be mapped ({@code /BASE})
 * @param fixed         built {@code /FIXED}: no relocations, so it cannot load anywhere else
 * @param stackReserve  the main thread's stack reservation (exe only)
 */
public record ImageFile(String name, boolean dll, long preferredBase, boolean fixed, long stackReserve,
                        List<Section> sections, Map<String, Symbol> symbols, List<String> imports) {

    /** IMAGE_SCN_MEM_SHARED: one set of physical pages for every process ({@code /SECTION:name,RWS}). */
    public static final int SHARED = 0x10000000;
    public static final int EXECUTE = 0x20000000;
    public static final int READ = 0x40000000;
    public static final int WRITE = 0x80000000;

    private static final int MAGIC = 0x504C5045; // "PLPE"
    private static final int PAGE = 4096;

    public ImageFile {
        sections = List.copyOf(sections);
        symbols = Map.copyOf(symbols);
        imports = List.copyOf(imports);
    }

    /**
     * A section: its characteristics ({@link #READ} | {@link #WRITE} | {@link #EXECUTE} | {@link #SHARED}), its
     * size in memory and its initialised data (shorter than the size: the rest is zero).
     */
    public record Section(String name, int characteristics, long virtualSize, byte[] data) {
        public Section {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Pages the section takes in memory. */
        public long pages() {
            return Math.max(1, (virtualSize + PAGE - 1) / PAGE);
        }

        public boolean is(int flag) {
            return (characteristics & flag) == flag;
        }
    }

    /** A named global: which section holds it, and its RVA (offset from the image base). */
    public record Symbol(String section, long rva) {
    }

    /** The RVA of each section, in order: the headers take RVA 0 to 0x1000. */
    public List<Long> sectionRvas() {
        List<Long> out = new ArrayList<>();
        long rva = PAGE;
        for (Section s : sections) {
            out.add(rva);
            rva += s.pages() * PAGE;
        }
        return out;
    }

    /** SizeOfImage: headers plus every section, in whole pages. */
    public long sizeOfImage() {
        long size = PAGE;
        for (Section s : sections) {
            size += s.pages() * PAGE;
        }
        return size;
    }

    /** The RVA of a named global; -1 if the image has none of that name. */
    public long symbolRva(String symbol) {
        Symbol s = symbols.get(symbol);
        return s == null ? -1 : s.rva();
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(name);
            out.writeBoolean(dll);
            out.writeLong(preferredBase);
            out.writeBoolean(fixed);
            out.writeLong(stackReserve);
            out.writeInt(sections.size());
            for (Section s : sections) {
                out.writeUTF(s.name());
                out.writeInt(s.characteristics());
                out.writeLong(s.virtualSize());
                out.writeInt(s.data.length);
                out.write(s.data);
            }
            out.writeInt(symbols.size());
            for (Map.Entry<String, Symbol> e : symbols.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().section());
                out.writeLong(e.getValue().rva());
            }
            out.writeInt(imports.size());
            for (String i : imports) {
                out.writeUTF(i);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("ImageFile.toBytes: " + e, e);
        }
    }

    /**
     * Reads an image back.
     *
     * @throws IllegalArgumentException if the bytes are not an image (CreateProcess's ERROR_BAD_EXE_FORMAT)
     */
    public static ImageFile parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 4 || in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an executable image (ERROR_BAD_EXE_FORMAT)");
            }
            String name = in.readUTF();
            boolean dll = in.readBoolean();
            long base = in.readLong();
            boolean fixed = in.readBoolean();
            long stack = in.readLong();
            List<Section> sections = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String sn = in.readUTF();
                int ch = in.readInt();
                long vs = in.readLong();
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                sections.add(new Section(sn, ch, vs, data));
            }
            Map<String, Symbol> symbols = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                symbols.put(in.readUTF(), new Symbol(in.readUTF(), in.readLong()));
            }
            List<String> imports = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                imports.add(in.readUTF());
            }
            return new ImageFile(name, dll, base, fixed, stack, sections, symbols, imports);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("corrupt executable image (ERROR_BAD_EXE_FORMAT): " + e.getMessage(), e);
        }
    }
}

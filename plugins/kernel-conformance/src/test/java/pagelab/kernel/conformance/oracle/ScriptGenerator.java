package pagelab.kernel.conformance.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random scripts for the oracle, biased to the edges where implementations differ: sizes one byte around a page
 * or a granule, ranges that start inside a page or run across regions, guard and no-cache protections, invalid
 * flags, views with offsets and of sections made with every {@code SEC_*} flag, stale and unknown handles. Seeded:
 * script {@code random-NNNN} is the same for the same seed, on every machine.
 *
 * <p>{@code ScriptGenerator FILE [COUNT]} writes a bundle of COUNT scripts (default {@value #COUNT}) to FILE.
 */
public final class ScriptGenerator {
    /** How many random scripts the recording holds. */
    static final int COUNT = 520;

    private static final String[] PROTECTIONS = {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
        "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_READWRITE|PAGE_GUARD",
        "PAGE_READONLY|PAGE_GUARD", "PAGE_READWRITE|PAGE_NOCACHE", "PAGE_READWRITE|PAGE_WRITECOMBINE", "0",
        "0x12345", "PAGE_GUARD"}; // PAGE_GUARD|PAGE_NOCACHE: Wine accepts what Windows refuses (hand.scripts)
    private static final String[] SIZES = {"0", "1", "0xfff", "0x1000", "0x1001", "0x1fff", "0x2000", "0x3000",
        "0xffff", "0x10000", "0x10001", "0x18000", "0x20000"};
    private static final String[] OFFSETS = {"", "+0x1", "+0xfff", "+0x1000", "+0x1001", "+0x2000", "+0x3000",
        "+0x8000", "+0xffff", "+0x10000", "-0x1000", "-0x1"};
    private static final String[] SECTION_FLAGS = {"", "|SEC_COMMIT", "|SEC_RESERVE", "|SEC_NOCACHE",
        "|SEC_COMMIT|SEC_NOCACHE", "|SEC_RESERVE|SEC_COMMIT", "|SEC_LARGE_PAGES", "|SEC_IMAGE"};
    private static final String[] SECTION_PROTECTIONS = {"PAGE_READWRITE", "PAGE_READONLY", "PAGE_WRITECOPY",
        "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_READ", "PAGE_NOACCESS", "0"};
    private static final String[] VIEW_ACCESS = {"FILE_MAP_READ", "FILE_MAP_WRITE", "FILE_MAP_COPY",
        "FILE_MAP_ALL_ACCESS", "FILE_MAP_READ|FILE_MAP_EXECUTE", "0", "FILE_MAP_WRITE|FILE_MAP_COPY"};
    private static final String[] NAMES = {"null", "null", "\"n1\"", "\"N1\"", "\"n2\"", "\"Local\\n1\""};

    private final Random random;
    private int addresses;
    private int handles;

    private ScriptGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Script {@code index} of the recording: its name line and its calls. */
    static String script(int index) {
        ScriptGenerator g = new ScriptGenerator(0x5EED0000L + index);
        StringBuilder b = new StringBuilder(String.format("=== random-%04d", index) + "\n");
        int calls = 8 + g.random.nextInt(18);
        for (int i = 0; i < calls; i++) {
            b.append(g.call()).append('\n');
        }
        return b.toString();
    }

    private String call() {
        if (addresses == 0 || random.nextInt(8) == 0) {
            return random.nextInt(3) == 0 ? section() : allocate(true);
        }
        return switch (random.nextInt(11)) {
            case 0 -> allocate(false);
            case 1 -> "VirtualFree " + address() + " " + pick(SIZES) + " "
                    + pick(new String[] {"MEM_DECOMMIT", "MEM_RELEASE", "MEM_DECOMMIT|MEM_RELEASE", "0"});
            case 2, 3 -> "VirtualProtect " + address() + " " + pick(SIZES) + " " + pick(PROTECTIONS);
            case 4, 5 -> "VirtualQuery " + address();
            case 6 -> "read " + address() + " " + pick(new String[] {"1", "2", "4", "8"});
            case 7 -> "write " + address() + " " + pick(new String[] {"1", "2", "4", "8"}) + " 0x"
                    + Integer.toHexString(random.nextInt());
            case 8 -> handles > 0 ? view() : section();
            case 9 -> handles > 0 && random.nextBoolean() ? "CloseHandle h" + (1 + random.nextInt(handles))
                    : "UnmapViewOfFile " + address();
            default -> handles > 0 ? "h" + (++handles) + " = OpenFileMapping " + pick(VIEW_ACCESS) + " FALSE "
                    + pick(NAMES).replace("null", "\"n1\"") : section();
        };
    }

    private String allocate(boolean fresh) {
        String type = pick(new String[] {"MEM_RESERVE", "MEM_COMMIT", "MEM_RESERVE|MEM_COMMIT", "MEM_RESET",
            "MEM_RESERVE|MEM_TOP_DOWN", "MEM_COMMIT|MEM_RESET", "0"});
        String at = fresh || addresses == 0 ? "0" : address();
        String size = fresh ? pick(new String[] {"0x10000", "0x19000", "0x20000", "0x1000", "0x3000"}) : pick(SIZES);
        if (fresh) {
            type = pick(new String[] {"MEM_RESERVE", "MEM_RESERVE|MEM_COMMIT", "MEM_RESERVE|MEM_COMMIT"});
        }
        return "r" + (++addresses) + " = VirtualAlloc " + at + " " + size + " " + type + " " + pick(PROTECTIONS);
    }

    private String section() {
        return "h" + (++handles) + " = CreateFileMapping INVALID_HANDLE_VALUE " + pick(SECTION_PROTECTIONS)
                + pick(SECTION_FLAGS) + " 0 " + pick(new String[] {"0x1000", "0x1234", "0x10000", "0x20000", "0"})
                + " " + pick(NAMES);
    }

    private String view() {
        String h = "h" + (1 + random.nextInt(handles));
        String offset = pick(new String[] {"0", "0", "0x10000", "0x1000"});
        String size = pick(new String[] {"0", "0", "0x1000", "0x1234", "0x20000"});
        return "r" + (++addresses) + " = MapViewOfFile " + h + " " + pick(VIEW_ACCESS) + " 0 " + offset + " " + size;
    }

    private String address() {
        return "r" + (1 + random.nextInt(addresses)) + pick(OFFSETS);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : COUNT;
        List<String> scripts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            scripts.add(script(i));
        }
        Files.writeString(Path.of(args[0]), String.join("", scripts), StandardCharsets.UTF_8);
    }
}

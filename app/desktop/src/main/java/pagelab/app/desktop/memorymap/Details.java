package pagelab.app.desktop.memorymap;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pagelab.app.desktop.Messages;

/**
 * An allocation's details as the memory map shows them, in the UI language. The simulator describes what it lays out
 * in English ({@code Allocation.detail()}: "Thread stack (TID 4)", "Heap 0x00150000 (private, segment 2)",
 * "C:\PageLab\blank.exe (relocated from 0x400000)"); this maps the known patterns to message keys with their
 * names, numbers and addresses as arguments. A detail that matches none (a file's path, a section's name) is shown as
 * it is.
 */
final class Details {
    /** A pattern of the simulator's and the key that says it; the groups are the key's arguments, in order. */
    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            known("Thread stack \\(TID (\\d+)\\)", "memoryMap.detail.stack"),
            known("TEB \\(TID (\\d+)\\)", "memoryMap.detail.teb"),
            known("PEB", "memoryMap.detail.peb"),
            known("Shared user data", "memoryMap.detail.sharedUserData"),
            known("Environment block", "memoryMap.detail.environment"),
            known("Process parameters", "memoryMap.detail.parameters"),
            known("Heap \\(default\\)", "memoryMap.detail.defaultHeap"),
            known("Heap (0x[0-9a-fA-F]+) \\(default\\)", "memoryMap.detail.heap.default"),
            known("Heap (0x[0-9a-fA-F]+) \\(private\\)", "memoryMap.detail.heap.private"),
            known("Heap (0x[0-9a-fA-F]+) \\(default, large block\\)", "memoryMap.detail.heap.default.large"),
            known("Heap (0x[0-9a-fA-F]+) \\(private, large block\\)", "memoryMap.detail.heap.private.large"),
            known("Heap (0x[0-9a-fA-F]+) \\(default, segment (\\d+)\\)", "memoryMap.detail.heap.default.segment"),
            known("Heap (0x[0-9a-fA-F]+) \\(private, segment (\\d+)\\)", "memoryMap.detail.heap.private.segment"),
            known("(.+) \\(relocated from (0x[0-9a-fA-F]+)\\)", "memoryMap.detail.relocated"),
            known("Paging-file section", "memoryMap.detail.pagingFileSection"));

    private Details() {
    }

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex), key);
    }

    /** {@code detail} in the UI language; null and unknown details as they are. */
    static String shown(String detail) {
        if (detail == null || detail.isEmpty()) {
            return detail;
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(detail);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Messages.format(k.key(), args);
            }
        }
        return detail;
    }

    /** The message keys of the known patterns (for the test that every one is translated). */
    static List<String> keys() {
        return KNOWN.stream().map(Known::key).toList();
    }
}

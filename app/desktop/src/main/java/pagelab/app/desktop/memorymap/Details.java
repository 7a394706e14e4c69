package pagelab.app.desktop.memorymap;

import java.util.List;
import pagelab.app.desktop.Messages;
import pagelab.app.results.KnownTexts;
import pagelab.app.results.KnownTexts.Known;

/**
 * An allocation's details as the memory map shows them, in the UI language. The simulator describes what it lays out
 * in English ({@code Allocation.detail()}: "Thread stack (TID 4)", "Heap 0x00150000 (private, segment 2)",
 * "C:\PageLab\blank.exe (relocated from 0x400000)"); this maps the known patterns to message keys with their
 * names, numbers and addresses as arguments. A detail that matches none (a file's path, a section's name) is shown as
 * it is.
 */
final class Details {
    private static final KnownTexts KNOWN = KnownTexts.of(
            new Known("Thread stack \\(TID (\\d+)\\)", "memoryMap.detail.stack"),
            new Known("TEB \\(TID (\\d+)\\)", "memoryMap.detail.teb"),
            new Known("PEB", "memoryMap.detail.peb"),
            new Known("Shared user data", "memoryMap.detail.sharedUserData"),
            new Known("Environment block", "memoryMap.detail.environment"),
            new Known("Process parameters", "memoryMap.detail.parameters"),
            new Known("Heap \\(default\\)", "memoryMap.detail.defaultHeap"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(default\\)", "memoryMap.detail.heap.default"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(private\\)", "memoryMap.detail.heap.private"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(default, large block\\)", "memoryMap.detail.heap.default.large"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(private, large block\\)", "memoryMap.detail.heap.private.large"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(default, segment (\\d+)\\)", "memoryMap.detail.heap.default.segment"),
            new Known("Heap (0x[0-9a-fA-F]+) \\(private, segment (\\d+)\\)", "memoryMap.detail.heap.private.segment"),
            new Known("(.+) \\(relocated from (0x[0-9a-fA-F]+)\\)", "memoryMap.detail.relocated"),
            new Known("Paging-file section", "memoryMap.detail.pagingFileSection"));

    private Details() {
    }

    /** {@code detail} in the UI language; null and unknown details as they are. */
    static String shown(String detail) {
        if (detail == null || detail.isEmpty()) {
            return detail;
        }
        return KNOWN.match(detail).map(m -> Messages.format(m.key(), m.arguments())).orElse(detail);
    }

    /** The message keys of the known patterns (for the test that every one is translated). */
    static List<String> keys() {
        return KNOWN.keys();
    }
}

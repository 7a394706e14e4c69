import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * Known-wrong solution "counter-in-data": the counter is declared without #pragma data_seg, so it lands in .data.
 */
public class AppInst implements InstanceCounter {
    @Override
    public ImageFile image() {
        return ImageBuilder.exe("AppInst.exe")
                .code(0x1000)
                // int g_nInstanceNumber = 0;  an ordinary global: copy-on-write, one copy per process
                .data(".data", 0x1000).global(NUMBER, ".data", 0, 0)
                // MISTAKE: volatile LONG g_lInstanceCount = 0; outside the data_seg pragmas: it lands in .data
                .global(COUNTER, ".data", 4, 0)
                .sharedData(SHARED_SECTION, 0x1000)
                .build();
    }

    @Override
    public int start(Kernel32 kernel, Memory memory) {
        // InterlockedIncrement reads, adds and writes as one step: no other instance can slip in between.
        int number = kernel.InterlockedIncrement(global(kernel, COUNTER));
        memory.setInt(global(kernel, NUMBER), number);
        return number;
    }

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        kernel.InterlockedDecrement(global(kernel, COUNTER));
    }

    // A global's address: where the loader mapped the image plus the global's RVA.
    private long global(Kernel32 kernel, String name) {
        return kernel.GetModuleHandle(null) + image().symbolRva(name);
    }
}

import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 // BEGIN SOLUTION
 * The reference solution: the counter in a section marked shared (RWS), the instance number in ordinary .data,
 * InterlockedIncrement at start and InterlockedDecrement at exit.
 // INSTEAD
 //> * The book's AppInst: every running instance of this image is counted in g_lInstanceCount.
 //> * Read the instructions first; each TODO says what the linker or the code must do.
 // END SOLUTION
 */
public class AppInst implements InstanceCounter {
    // tag::image[]
    @Override
    public ImageFile image() {
        return ImageBuilder.exe("AppInst.exe")
                .code(0x1000)
                // BEGIN SOLUTION
                // int g_nInstanceNumber = 0;  an ordinary global: copy-on-write, one copy per process
                // BEGIN WRONG everything-shared
                .data(".data", 0x1000).global(NUMBER, ".data", 0, 0)
                // INSTEAD
                //> .data(".data", 0x1000)
                // END WRONG
                // BEGIN WRONG counter-in-data
                // #pragma data_seg("Shared")  volatile LONG g_lInstanceCount = 0;  #pragma data_seg()
                // BEGIN WRONG section-not-shared
                // #pragma comment(linker, "/SECTION:Shared,RWS")
                .sharedData(SHARED_SECTION, 0x1000).global(COUNTER, SHARED_SECTION, 0, 0)
                // BEGIN WRONG everything-shared
                // INSTEAD
                // MISTAKE: "all my globals go in Shared": one g_nInstanceNumber for every process
                //> .global(NUMBER, SHARED_SECTION, 4, 0)
                // END WRONG
                // INSTEAD
                // MISTAKE: no #pragma comment(linker, "/SECTION:Shared,RWS"): an ordinary copy-on-write section
                //> .data(SHARED_SECTION, 0x1000).global(COUNTER, SHARED_SECTION, 0, 0)
                // END WRONG
                // INSTEAD
                // MISTAKE: volatile LONG g_lInstanceCount = 0; outside the data_seg pragmas: it lands in .data
                //> .global(COUNTER, ".data", 4, 0)
                //> .sharedData(SHARED_SECTION, 0x1000)
                // END WRONG
                // INSTEAD
                //> .data(".data", 0x1000)
                //> .global(NUMBER, ".data", 0, 0)
                // TODO: the counter must be one variable for ALL processes of this image. Give it a section of its
                //       own named SHARED_SECTION that is marked shared (/SECTION:Shared,RWS): see
                //       ImageBuilder.sharedData. Here it is an ordinary .data global, one copy per process.
                //> .global(COUNTER, ".data", 4, 0)
                // END SOLUTION
                .build();
    }
    // end::image[]

    // tag::start[]
    @Override
    public int start(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        // BEGIN WRONG plus-plus, reread-after-increment
        // InterlockedIncrement reads, adds and writes as one step: no other instance can slip in between.
        int number = kernel.InterlockedIncrement(global(kernel, COUNTER));
        // INSTEAD plus-plus
        // MISTAKE: g_lInstanceCount++ is a load, an add and a store; another instance can run in between.
        //> long counter = global(kernel, COUNTER);
        //> int number = memory.getInt(counter) + 1;
        //> memory.setInt(counter, number);
        // INSTEAD reread-after-increment
        // MISTAKE: the increment is atomic, but reading the counter again to learn "my" number can see the other
        //          instance's increment too: both instances get the same number.
        //> long counter = global(kernel, COUNTER);
        //> kernel.InterlockedIncrement(counter);
        //> int number = memory.getInt(counter);
        // END WRONG
        memory.setInt(global(kernel, NUMBER), number);
        return number;
        // INSTEAD
        //> long counter = kernel.GetModuleHandle(null) + image().symbolRva(COUNTER);
        // TODO: count this instance. Other instances may start at the same moment: use an interlocked operation.
        // TODO: store this instance's number in the global NUMBER (GetModuleHandle(null) + its RVA) and return it.
        //> return 0;
        // END SOLUTION
    }
    // end::start[]

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        // BEGIN WRONG no-decrement, plus-plus
        kernel.InterlockedDecrement(global(kernel, COUNTER));
        // INSTEAD no-decrement
        // MISTAKE: nothing to do here, the process ends anyway (but the shared counter outlives it).
        // INSTEAD plus-plus
        //> long counter = global(kernel, COUNTER);
        //> memory.setInt(counter, memory.getInt(counter) - 1);
        // END WRONG
        // INSTEAD
        // TODO: this instance is going away: take it off the count.
        // END SOLUTION
    }
    // BEGIN SOLUTION

    // A global's address: where the loader mapped the image plus the global's RVA.
    private long global(Kernel32 kernel, String name) {
        return kernel.GetModuleHandle(null) + image().symbolRva(name);
    }
    // END SOLUTION
}

package pagelab.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's layer order (docs/architecture.md, "Layers"): a package may use the packages of lower tiers only,
 * never one of its own tier nor one above. So no two packages depend on each other, the status codes and the
 * machine lock are below everything, and nothing under {@code machine} names a process or a machine.
 */
@AnalyzeClasses(packages = "pagelab.sim", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** Lowest first. A tier's packages are independent of each other. */
    static final List<List<String>> TIERS = List.of(
            List.of("status", "sync", "trace"),      // status codes, the machine lock, the trace
            List.of("phys"),                         // RAM frames, the paging file, commit charge
            List.of("vm"),                           // address spaces, views, page states, VirtualAlloc's rules
            List.of("seh"),                          // __try chains, dispatch and unwinding
            List.of("thread"),                       // threads, kernel objects, handles
            List.of("fs"),                           // the file system
            List.of("mmu"),                          // the one access path: walk, TLB, faults
            List.of("heap", "section", "image", "control"), // services over address spaces
            List.of("machine"),                      // the machine, its processes, the loader
            List.of("win32", "inspect"),             // what the outside world sees
            List.of(""));                            // pagelab.sim itself: the provider, which wires the rest

    @ArchTest
    static final ArchRule layersAreUsedOnlyFromAbove = layers();

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("pagelab.sim.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theKernelDrawsNothing = noClasses().that().resideInAPackage("pagelab.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..");

    private static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                rule = rule.layer(layer(name)).definedBy(name.isEmpty() ? "pagelab.sim" : "pagelab.sim." + name + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                rule = below.isEmpty() ? rule.whereLayer(layer(name)).mayNotAccessAnyLayer()
                        : rule.whereLayer(layer(name)).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            tier.forEach(name -> below.add(layer(name)));
        }
        return rule;
    }

    private static String layer(String name) {
        return name.isEmpty() ? "provider" : name;
    }
}

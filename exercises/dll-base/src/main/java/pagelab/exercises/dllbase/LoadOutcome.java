package pagelab.exercises.dllbase;

/** What {@code LoadLibrary} does with a DLL. */
public enum LoadOutcome {
    /** Mapped at its preferred base: no relocation, every page shareable. */
    AT_PREFERRED_BASE,
    /** Its preferred range was taken: mapped elsewhere and relocated. */
    RELOCATED,
    /** Linked {@code /FIXED} (no relocations) and its preferred range was taken: LoadLibrary fails. */
    FAILS
}

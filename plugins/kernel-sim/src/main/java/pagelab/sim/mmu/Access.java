package pagelab.sim.mmu;

/** The kind of a memory access, with the value Windows puts in an access violation's ExceptionInformation[0]. */
public enum Access {
    READ(0), WRITE(1), EXECUTE(8);

    final int code;

    Access(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package pagelab.kernel;

/** An out-parameter of type {@code ULONG_PTR*}, {@code SIZE_T*} or {@code LARGE_INTEGER*}, as JNA's {@code LongByReference}. */
public final class LongByReference {
    private long value;

    public LongByReference() {
    }

    public LongByReference(long value) {
        this.value = value;
    }

    public long getValue() {
        return value;
    }

    public void setValue(long value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "LongByReference[" + value + " = 0x" + Long.toHexString(value) + "]";
    }
}

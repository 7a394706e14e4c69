package pagelab.kernel;

/** An out-parameter of type {@code DWORD*} / {@code LONG*}, as JNA's {@code IntByReference}. */
public final class IntByReference {
    private int value;

    public IntByReference() {
    }

    public IntByReference(int value) {
        this.value = value;
    }

    public int getValue() {
        return value;
    }

    public void setValue(int value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "IntByReference[" + value + " = 0x" + Integer.toHexString(value) + "]";
    }
}

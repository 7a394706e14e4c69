package pagelab.kernel;

import java.util.Arrays;

/**
 * Describes an exception, as the {@code EXCEPTION_RECORD} a filter receives through
 * {@code GetExceptionInformation()}. For an access violation {@code ExceptionInformation[0]} is 0 (read),
 * 1 (write) or 8 (execute) and {@code ExceptionInformation[1]} the faulting address.
 */
public final class EXCEPTION_RECORD {
    public int ExceptionCode;
    public int ExceptionFlags;
    /** A chained record (an exception raised while another was handled), or null. */
    public EXCEPTION_RECORD ExceptionRecord;
    public long ExceptionAddress;
    public int NumberParameters;
    public long[] ExceptionInformation = new long[WinNT.EXCEPTION_MAXIMUM_PARAMETERS];

    /** A deep copy, so that a filter that scribbles on its record changes nothing for the next one. */
    public EXCEPTION_RECORD copy() {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = ExceptionCode;
        r.ExceptionFlags = ExceptionFlags;
        r.ExceptionRecord = ExceptionRecord == null ? null : ExceptionRecord.copy();
        r.ExceptionAddress = ExceptionAddress;
        r.NumberParameters = NumberParameters;
        r.ExceptionInformation = ExceptionInformation == null ? null : ExceptionInformation.clone();
        return r;
    }

    @Override
    public String toString() {
        int n = Math.max(0, Math.min(NumberParameters, ExceptionInformation == null ? 0 : ExceptionInformation.length));
        StringBuilder info = new StringBuilder();
        for (int i = 0; i < n; i++) {
            info.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(ExceptionInformation[i]));
        }
        return String.format("EXCEPTION_RECORD{ExceptionCode=%#010x, ExceptionFlags=%#x, ExceptionAddress=%#x, "
                + "NumberParameters=%d, ExceptionInformation=[%s]}", ExceptionCode, ExceptionFlags, ExceptionAddress,
                NumberParameters, info);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EXCEPTION_RECORD)) {
            return false;
        }
        EXCEPTION_RECORD r = (EXCEPTION_RECORD) o;
        return r.ExceptionCode == ExceptionCode && r.ExceptionFlags == ExceptionFlags
                && r.ExceptionAddress == ExceptionAddress && r.NumberParameters == NumberParameters
                && Arrays.equals(r.ExceptionInformation, ExceptionInformation);
    }

    @Override
    public int hashCode() {
        return ExceptionCode * 31 + Long.hashCode(ExceptionAddress);
    }
}

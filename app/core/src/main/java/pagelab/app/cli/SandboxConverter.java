package pagelab.app.cli;

import java.util.Locale;
import pagelab.app.grading.Sandbox;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --sandbox auto|required|off}. */
final class SandboxConverter implements ITypeConverter<Sandbox.Mode> {
    @Override
    public Sandbox.Mode convert(String value) {
        try {
            return Sandbox.Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected auto, required or off, not '" + value + "'");
        }
    }
}

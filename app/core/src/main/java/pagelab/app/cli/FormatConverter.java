package pagelab.app.cli;

import java.util.Locale;
import pagelab.app.results.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts report formats in any case: {@code junit}, {@code JUNIT}. */
final class FormatConverter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
        try {
            return ReportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not one of text, json, junit, gradescope");
        }
    }
}

package pagelab.app.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage help ({@code --help}, {@code help COMMAND}, the usage printed on a wrong command line) in the user's
 * language. English is what the annotations say, untouched; another language comes from
 * {@code pagelab/app/cli/usage_LANG.properties} through picocli's resource bundles.
 *
 * <p>Picocli looks a key up qualified by the command's full name ({@code ./pagelab.check.lang}), and the root's
 * name is what the user typed ({@code PAGELAB_COMMAND}), so the file cannot name commands that way. Its keys are
 * qualified by the command's place instead ({@code pagelab.check.lang}, {@code pagelab.plugin.install.usage
 * .description}), and each command gets a bundle of its own keys without that prefix, plus the shared keys (the
 * headings, {@code -h} and {@code -V}, the options every command inherits, the exit codes footer).
 */
final class UsageText {
    static final String BUNDLE = "pagelab.app.cli.usage";
    /** The root's place in the file's keys, whatever the user types. */
    static final String ROOT = "pagelab";
    /** The exit codes footer (every command's but {@code help}'s), under this shared key. */
    static final String FOOTER = "exitCodes.footer";

    private UsageText() {
    }

    /** Gives {@code cmd} and every subcommand below it the words of {@code locale}; English changes nothing. */
    static void apply(CommandLine cmd, Locale locale) {
        if (CliText.of(locale).english()) {
            return; // the annotations' English, byte for byte
        }
        ResourceBundle file;
        try {
            file = ResourceBundle.getBundle(BUNDLE, locale, UsageText.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return; // a language with report words but no usage words: the usage stays English
        }
        apply(cmd, ROOT, file);
    }

    private static void apply(CommandLine cmd, String place, ResourceBundle file) {
        CommandSpec spec = cmd.getCommandSpec();
        Map<String, String> own = new HashMap<>();
        for (String key : Collections.list(file.getKeys())) {
            if (!key.startsWith(ROOT + ".")) {
                own.put(key, file.getString(key)); // shared
            }
        }
        for (String key : Collections.list(file.getKeys())) {
            if (key.startsWith(place + ".")) {
                own.put(key.substring(place.length() + 1), file.getString(key));
            }
        }
        String footer = own.remove(FOOTER);
        if (footer != null && spec.usageMessage().footer().length > 0) {
            own.put("usage.footer", footer);
        }
        spec.resourceBundle(new MapBundle(own)); // this command only: each has its own keys
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (sub.getValue().getParent() == cmd && sub.getKey().equals(sub.getValue().getCommandName())) {
                apply(sub.getValue(), place + "." + sub.getKey(), file);
            }
        }
    }

    /** A bundle of fixed strings. */
    private static final class MapBundle extends ResourceBundle {
        private final Map<String, String> strings;

        MapBundle(Map<String, String> strings) {
            this.strings = strings;
        }

        @Override
        protected Object handleGetObject(String key) {
            return strings.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(strings.keySet());
        }
    }
}

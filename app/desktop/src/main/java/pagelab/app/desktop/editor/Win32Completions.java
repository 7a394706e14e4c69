package pagelab.app.desktop.editor;

import org.fife.ui.autocomplete.AutoCompletion;
import org.fife.ui.autocomplete.BasicCompletion;
import org.fife.ui.autocomplete.Completion;
import org.fife.ui.autocomplete.DefaultCompletionProvider;
import org.fife.ui.autocomplete.FunctionCompletion;
import org.fife.ui.autocomplete.ParameterizedCompletion;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Completion (Ctrl+Space, and by itself after a dot or a few letters) for the names a solution uses: Kernel32's and
 * Memory's methods with their parameters and one line on what each does, and WinNT's and WinError's constants with
 * their values; and the same line as the tooltip of a name in the code. Built once, from the API by reflection
 * (parameter names included) and {@code win32-docs.properties} for the lines.
 */
public final class Win32Completions {
    private static DefaultCompletionProvider provider;
    private static Map<String, String> tips;

    private Win32Completions() {
    }

    /** Installs completion and the name tooltips on {@code area}; returns the completion, for tests. */
    static AutoCompletion install(RSyntaxTextArea area) {
        AutoCompletion ac = new AutoCompletion(provider());
        ac.setShowDescWindow(false);
        ac.setParameterAssistanceEnabled(true);
        ac.setAutoActivationEnabled(true);
        ac.setAutoActivationDelay(400);
        ac.setAutoCompleteSingleChoices(true);
        ac.install(area);
        area.setToolTipSupplier((textArea, e) -> {
            Token t = ((RSyntaxTextArea) textArea).viewToToken(e.getPoint());
            return t == null || t.getType() != TokenTypes.IDENTIFIER ? null : tip(t.getLexeme());
        });
        return ac;
    }

    /** The tooltip of a name in the code: a function's signature and line, a constant's value; null for others. */
    public static synchronized String tip(String name) {
        provider();
        return tips.get(name);
    }

    /** Each Kernel32 and Memory method's line, by "Kernel32.VirtualAlloc"; empty for a method without one. */
    static Properties docs() {
        Properties p = new Properties();
        try (InputStream in = Win32Completions.class.getResourceAsStream("win32-docs.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // No lines: completion still lists the names and parameters.
        }
        return p;
    }

    static synchronized DefaultCompletionProvider provider() {
        if (provider != null) {
            return provider;
        }
        DefaultCompletionProvider p = new DefaultCompletionProvider();
        p.setAutoActivationRules(true, ".");
        p.setParameterizedCompletionParams('(', ", ", ')');
        Map<String, String> t = new HashMap<>();
        Properties docs = docs();
        List<Completion> all = new ArrayList<>();
        for (Class<?> api : List.of(Kernel32.class, Memory.class)) {
            Method[] methods = api.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String doc = docs.getProperty(api.getSimpleName() + "." + m.getName(), "");
                FunctionCompletion f = new Function(p, m.getName(), m.getReturnType().getSimpleName());
                List<ParameterizedCompletion.Parameter> params = new ArrayList<>();
                for (var param : m.getParameters()) {
                    params.add(new ParameterizedCompletion.Parameter(param.getType().getSimpleName(),
                            param.getName()));
                }
                f.setParams(params);
                f.setShortDescription(doc);
                f.setSummary("<b>" + esc(f.getDefinitionString()) + "</b><br>" + esc(doc));
                all.add(f);
                t.putIfAbsent(m.getName(), "<html><b>" + esc(api.getSimpleName() + "." + f.getDefinitionString())
                        + "</b><br>" + esc(doc) + "</html>");
            }
        }
        for (Class<?> constants : List.of(WinNT.class, WinError.class)) {
            for (Field f : constants.getFields()) {
                String value = value(f);
                if (value == null) {
                    continue;
                }
                String line = f.getName() + " = " + value + "  (" + constants.getSimpleName() + ")";
                BasicCompletion c = new BasicCompletion(p, f.getName(), "= " + value, line);
                all.add(c);
                t.putIfAbsent(f.getName(), line);
            }
        }
        p.addCompletions(all);
        tips = t;
        provider = p;
        return p;
    }

    /** A constant's value as Win32 headers write it: hex for flags and addresses, decimal for small error codes. */
    private static String value(Field f) {
        if (!Modifier.isStatic(f.getModifiers())) {
            return null;
        }
        try {
            Object v = f.get(null);
            if (v instanceof Integer i) {
                return i >= 0 && i < 10_000 && f.getDeclaringClass() == WinError.class ? i.toString()
                        : String.format("0x%08X", i);
            }
            if (v instanceof Long l) {
                return String.format("0x%X", l);
            }
            return null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * FunctionCompletion sorts by its definition string ("long VirtualAlloc(...)", return type first) while the
     * provider finds completions by a case-insensitive binary search on the name: sorted that way, typed prefixes
     * found nothing. This one sorts by name, as every other completion does.
     */
    private static final class Function extends FunctionCompletion {
        Function(DefaultCompletionProvider p, String name, String returnType) {
            super(p, name, returnType);
        }

        @Override
        public int compareTo(Completion other) {
            int byName = getInputText().compareToIgnoreCase(other.getInputText());
            return byName != 0 || !(other instanceof FunctionCompletion f) ? byName
                    : Integer.compare(getParamCount(), f.getParamCount());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Function f && compareTo(f) == 0 && getDefinitionString().equals(
                    f.getDefinitionString());
        }

        @Override
        public int hashCode() {
            return getDefinitionString().hashCode();
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

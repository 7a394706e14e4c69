package pagelab.app.plugins;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.InvalidExerciseException;

/**
 * Finds the {@link Exercise} extensions of a started plugin and instantiates them itself, from the names in the
 * plugin's extension index. PF4J's own finder logs and skips an extension class that cannot be loaded or
 * constructed; doing it here turns each of those into a reason.
 */
final class ExerciseDiscovery {
    private ExerciseDiscovery() {
    }

    static List<LoadedExercise> discover(PluginManager manager, PluginWrapper wrapper) throws PluginProblem {
        String pluginId = wrapper.getPluginId();
        Set<String> names = manager.getExtensionClassNames(pluginId);
        if (names == null || names.isEmpty()) {
            throw new PluginProblem("declares no extensions: META-INF/extensions.idx is missing or empty (compile "
                    + "the plugin with PF4J's annotation processor and put @Extension on its Exercise class)");
        }
        ClassLoader loader = wrapper.getPluginClassLoader();
        List<Path> classpath = classpath(loader);
        List<LoadedExercise> out = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            Exercise exercise = instantiate(loader, name);
            if (exercise != null) {
                ExerciseDescriptor descriptor = describe(exercise, name);
                checkable(exercise, name);
                out.add(new LoadedExercise(exercise, descriptor, pluginId, wrapper.getDescriptor().getVersion(),
                        wrapper.getPluginPath(), classpath));
            }
        }
        if (out.isEmpty()) {
            throw new PluginProblem("contributes no exercise: none of its extensions " + names
                    + " implements pagelab.exercise.Exercise");
        }
        return out;
    }

    /** The extension, or null when the class is an extension of some other extension point. */
    private static Exercise instantiate(ClassLoader loader, String name) throws PluginProblem {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginProblem("extension class " + name + " cannot be loaded: " + describe(e));
        }
        if (!Exercise.class.isAssignableFrom(type)) {
            if (implementsForeignExercise(type)) {
                throw new PluginProblem(name + " implements a different copy of pagelab.exercise.Exercise: the "
                        + "plugin bundles its own exercise-api; declare it <scope>provided</scope>");
            }
            return null;
        }
        try {
            return (Exercise) type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new PluginProblem("the constructor of " + name + " threw " + describe(e.getCause()));
        } catch (NoSuchMethodException e) {
            throw new PluginProblem(name + " has no public no-argument constructor");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new PluginProblem(name + " cannot be instantiated: " + describe(e));
        }
    }

    private static ExerciseDescriptor describe(Exercise exercise, String name) throws PluginProblem {
        try {
            ExerciseDescriptor d = exercise.descriptor();
            if (d == null) {
                throw new PluginProblem(name + ".descriptor() returned null");
            }
            return d;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginProblem(name + ".descriptor() threw " + describe(e));
        }
    }

    // A check class that cannot be made would end every check in an error: refuse the plugin now, saying why.
    private static void checkable(Exercise exercise, String name) throws PluginProblem {
        try {
            CheckPlan.of(exercise.checks()).newChecks();
        } catch (InvalidExerciseException e) {
            throw new PluginProblem("the checks of " + name + " cannot run: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new PluginProblem("the checks of " + name + " cannot run: " + describe(e));
        }
    }

    private static boolean implementsForeignExercise(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(Exercise.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> classpath(ClassLoader loader) throws PluginProblem {
        List<Path> out = new ArrayList<>();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    out.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new PluginProblem("unusable class path entry " + url + ": " + describe(e));
                }
            }
        }
        return out;
    }

    /** "IllegalStateException: boom", with the root cause when there is one. */
    static String describe(Throwable e) {
        if (e == null) {
            return "an unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text;
    }
}

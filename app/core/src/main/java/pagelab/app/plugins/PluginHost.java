package pagelab.app.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import pagelab.app.plugins.PluginLocations.Candidate;
import pagelab.exercise.ExerciseApi;
import pagelab.app.files.NewFiles;

/**
 * The host's plugin catalog over PF4J. {@link #load} tries every candidate of a {@link PluginLocations}; each ends
 * {@link PluginStatus.State#LOADED} or {@link PluginStatus.State#FAILED} with a reason (corrupt archive, missing
 * descriptor, unmet {@code Plugin-Requires}, an extension that cannot be built, an exercise id already taken), and
 * a failure never stops the remaining candidates. A plugin the user turned off ({@link #disable}) ends
 * {@link PluginStatus.State#DISABLED} without being loaded. The host's system version is {@link ExerciseApi#VERSION}.
 *
 * <p>Thread-safe: reads see an immutable snapshot; changes ({@link #install}, {@link #disable}, ...) and
 * {@link #close} are serialised.
 */
public final class PluginHost implements AutoCloseable {
    private final PageLabPluginManager manager = new PageLabPluginManager();
    private final PluginDescriptors descriptors = new PluginDescriptors();
    private final PluginLocations locations;
    private final InstalledPlugins installed;
    private final DisabledPlugins disabled;
    private volatile List<PluginStatus> plugins = List.of();
    private volatile Map<String, LoadedExercise> exercises = Map.of();

    private PluginHost(PluginLocations locations) {
        this.locations = locations;
        this.installed = InstalledPlugins.read(locations.userDir());
        this.disabled = DisabledPlugins.read(locations.userDir());
        manager.setSystemVersion(ExerciseApi.VERSION);
    }

    /**
     * Loads every candidate of {@code locations}. Never throws for a bad plugin; an unreadable plugin folder is
     * reported as a failed entry too.
     */
    public static PluginHost load(PluginLocations locations) {
        PluginHost host = new PluginHost(locations);
        List<Candidate> candidates;
        try {
            candidates = locations.candidates();
        } catch (IOException e) {
            host.record(PluginStatus.failed(null, null, Path.of("."), PluginOrigin.USER,
                    "cannot list a plugin folder: " + e.getMessage()), List.of());
            return host;
        }
        for (Candidate c : candidates) {
            host.loadCandidate(c);
        }
        return host;
    }

    /** Every candidate tried, in search order. */
    public List<PluginStatus> plugins() {
        return plugins;
    }

    /** The loaded exercises, by chapter then id. */
    public List<LoadedExercise> exercises() {
        List<LoadedExercise> list = new ArrayList<>(exercises.values());
        list.sort(Comparator.comparingInt((LoadedExercise e) -> e.descriptor().chapter()).thenComparing(e -> e.id()));
        return Collections.unmodifiableList(list);
    }

    public Optional<LoadedExercise> exercise(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    public PluginLocations locations() {
        return locations;
    }

    /**
     * Copies a plugin jar into the user's plugin folder, records it as installed ({@link InstalledPlugins}) and
     * loads it. The copy is written next to its final name and moved into place, so an interrupted install never
     * leaves half a jar behind.
     *
     * @return the new plugin's status (FAILED with the reason when it does not load; the file is then removed)
     * @throws IOException if there is no user folder or the copy fails
     */
    public synchronized PluginStatus install(Path jar) throws IOException {
        if (locations.userDir() == null) {
            throw new IOException("no user plugin folder is configured");
        }
        Files.createDirectories(locations.userDir());
        Path target = locations.userDir().resolve(jar.getFileName().toString());
        if (Files.exists(target)) {
            throw new IOException("a plugin file named " + target.getFileName() + " is already installed");
        }
        Path temp = NewFiles.createTempFile(locations.userDir(), ".install-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                Files.copy(jar, out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        enableInstalled(target);
        PluginStatus status = loadTrusted(new Candidate(target, PluginOrigin.USER), true);
        if (status.isLoaded()) {
            installed.add(target, status.pluginId(), status.version());
        } else {
            Files.deleteIfExists(target);
        }
        return status;
    }

    /**
     * Unloads the installed plugin {@code pluginId} and removes its file and record. Shipped plugins cannot be
     * removed.
     *
     * @throws IOException when it is not an installed plugin, or its file cannot be removed
     */
    public synchronized void uninstall(String pluginId) throws IOException {
        String file = installed.fileOf(pluginId);
        if (file == null || locations.userDir() == null) {
            throw new IOException("no installed plugin has the id '" + pluginId + "'");
        }
        unload(pluginId);
        Files.deleteIfExists(locations.userDir().resolve(file));
        installed.remove(file);
        Map<String, LoadedExercise> map = new LinkedHashMap<>(exercises);
        map.values().removeIf(e -> pluginId.equals(e.pluginId()));
        exercises = Collections.unmodifiableMap(map);
        List<PluginStatus> list = new ArrayList<>(plugins);
        list.removeIf(p -> pluginId.equals(p.pluginId()) && p.origin() == PluginOrigin.USER);
        plugins = List.copyOf(list);
    }

    /**
     * Turns a loaded plugin off: it is unloaded, its exercises leave the catalog, and it stays off at the next start
     * until {@link #enable}d. Shipped plugins can be disabled too (nothing is deleted). Disabling a disabled plugin
     * changes nothing.
     *
     * @return the plugin's new status
     * @throws IOException when no plugin has that id, or the record cannot be saved (then nothing changed)
     */
    public synchronized PluginStatus disable(String pluginId) throws IOException {
        PluginStatus current = statusOf(pluginId)
                .orElseThrow(() -> new IOException("no plugin has the id '" + pluginId + "'"));
        if (current.isDisabled()) {
            return current;
        }
        if (!current.isLoaded()) {
            throw new IOException("plugin '" + pluginId + "' is not loaded (" + current.reason() + ")");
        }
        disabled.add(pluginId);
        unload(pluginId);
        PluginStatus off = PluginStatus.disabled(pluginId, current.version(), current.path(), current.origin());
        replace(current, off);
        Map<String, LoadedExercise> map = new LinkedHashMap<>(exercises);
        map.values().removeIf(e -> pluginId.equals(e.pluginId()));
        exercises = Collections.unmodifiableMap(map);
        return off;
    }

    /**
     * Turns a disabled plugin on again and loads it, as at start-up (a file of the user's folder must still be
     * the one installed).
     *
     * @return the plugin's new status: LOADED, or FAILED with the reason
     * @throws IOException when no disabled plugin has that id, or the record cannot be saved
     */
    public synchronized PluginStatus enable(String pluginId) throws IOException {
        PluginStatus current = statusOf(pluginId).filter(PluginStatus::isDisabled)
                .orElseThrow(() -> new IOException("no disabled plugin has the id '" + pluginId + "'"));
        disabled.remove(pluginId);
        int index = plugins.indexOf(current);
        List<PluginStatus> without = new ArrayList<>(plugins);
        without.remove(index);
        plugins = List.copyOf(without);
        PluginStatus on = loadCandidate(new Candidate(current.path(), current.origin()));
        if (on == null) {
            throw new IOException("plugin '" + pluginId + "' is already loaded from " + pathOf(pluginId));
        }
        List<PluginStatus> list = new ArrayList<>(plugins);
        list.remove(list.size() - 1);
        list.add(index, on);
        plugins = List.copyOf(list);
        return on;
    }

    /** Whether the user turned {@code pluginId} off (it may not be present at all). */
    public boolean isDisabled(String pluginId) {
        return disabled.contains(pluginId);
    }

    private Optional<PluginStatus> statusOf(String pluginId) {
        return plugins.stream().filter(p -> pluginId.equals(p.pluginId())).findFirst();
    }

    private void replace(PluginStatus old, PluginStatus now) {
        List<PluginStatus> list = new ArrayList<>(plugins);
        list.set(list.indexOf(old), now);
        plugins = List.copyOf(list);
    }

    /**
     * Loads one candidate and records its status; null (nothing recorded) when it is a shipped copy of a plugin
     * that was already loaded, at the same version, from the source tree. A file of the user's plugin folder that
     * the user did not install through PageLab is refused without being opened.
     */
    private synchronized PluginStatus loadCandidate(Candidate c) {
        if (c.origin() == PluginOrigin.USER && !installed.trusts(c.path())) {
            return record(PluginStatus.failed(null, null, c.path(), c.origin(), "not installed through PageLab, so "
                    + "it is not loaded: a plugin runs inside PageLab, and this file may have been put here by "
                    + "anything; install it with 'pagelab plugin install FILE' or the plugin manager"), List.of());
        }
        return loadTrusted(c, false);
    }

    /** Installing a plugin asks for it: an id the user had disabled is enabled again. */
    private void enableInstalled(Path jar) throws IOException {
        String id;
        try {
            id = descriptors.find(jar).getPluginId();
        } catch (RuntimeException e) {
            return; // loadTrusted reports the unreadable descriptor
        }
        disabled.remove(id);
    }

    /** @param asked true when the user asked for this plugin now (install): it loads even if its id is disabled */
    private synchronized PluginStatus loadTrusted(Candidate c, boolean asked) {
        Path path = c.path();
        if (path.getFileName().toString().toLowerCase().endsWith(".zip")) {
            return record(PluginStatus.failed(null, null, path, c.origin(),
                    "zip plugins are not supported: install the plugin's .jar"), List.of());
        }
        PluginWrapper wrapper;
        try {
            PluginDescriptor d = descriptors.find(path);
            if (!asked && disabled.contains(d.getPluginId())) {
                if (statusOf(d.getPluginId()).isPresent()) {
                    return null; // a second copy (shipped beside the source tree's) of a plugin already listed
                }
                return record(PluginStatus.disabled(d.getPluginId(), d.getVersion(), path, c.origin()), List.of());
            }
            if (manager.getPlugin(d.getPluginId()) != null) {
                if (c.origin() == PluginOrigin.SHIPPED && loadedFromSourceTree(d.getPluginId(), d.getVersion())) {
                    return null; // the same plugin, freshly built in the source tree: not a problem to report
                }
                return record(PluginStatus.failed(d.getPluginId(), d.getVersion(), path, c.origin(),
                        "a plugin with id '" + d.getPluginId() + "' is already loaded from "
                                + pathOf(d.getPluginId()) + "; this copy is ignored"), List.of());
            }
            wrapper = manager.load(path);
        } catch (RuntimeException | LinkageError e) {
            return record(PluginStatus.failed(null, null, path, c.origin(), reason(e)), List.of());
        }
        String id = wrapper.getPluginId();
        String version = wrapper.getDescriptor().getVersion();
        try {
            List<LoadedExercise> found = start(wrapper);
            return record(PluginStatus.loaded(id, version, path, c.origin(),
                    found.stream().map(LoadedExercise::id).toList()), found);
        } catch (PluginProblem p) {
            unload(id);
            return record(PluginStatus.failed(id, version, path, c.origin(), p.getMessage()), List.of());
        }
    }

    private List<LoadedExercise> start(PluginWrapper wrapper) throws PluginProblem {
        String id = wrapper.getPluginId();
        if (!manager.requirementMet(wrapper)) {
            throw new PluginProblem("requires exercise API " + wrapper.getDescriptor().getRequires()
                    + " but this PageLab offers " + manager.getSystemVersion());
        }
        PluginState state;
        try {
            state = manager.startPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginProblem("cannot be started: " + ExerciseDiscovery.describe(e));
        }
        if (state != PluginState.STARTED) {
            Throwable failure = wrapper.getFailedException();
            throw new PluginProblem("cannot be started (" + state + ")"
                    + (failure == null ? "" : ": " + ExerciseDiscovery.describe(failure)));
        }
        List<LoadedExercise> found = ExerciseDiscovery.discover(manager, wrapper);
        for (LoadedExercise e : found) {
            LoadedExercise other = exercises.get(e.id());
            if (other != null) {
                throw new PluginProblem("exercise id '" + e.id() + "' is already provided by plugin '"
                        + other.pluginId() + "' (" + other.pluginPath() + "); this plugin is ignored");
            }
        }
        return found;
    }

    private PluginStatus record(PluginStatus status, List<LoadedExercise> found) {
        List<PluginStatus> list = new ArrayList<>(plugins);
        list.add(status);
        plugins = List.copyOf(list);
        if (!found.isEmpty()) {
            Map<String, LoadedExercise> map = new LinkedHashMap<>(exercises);
            found.forEach(e -> map.put(e.id(), e));
            exercises = Collections.unmodifiableMap(map);
        }
        return status;
    }

    private boolean loadedFromSourceTree(String pluginId, String version) {
        for (PluginStatus p : plugins) {
            if (pluginId.equals(p.pluginId()) && p.origin() == PluginOrigin.DEVELOPMENT
                    && Objects.equals(version, p.version())) {
                return true;
            }
        }
        return false;
    }

    private String pathOf(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        return w == null ? "another location" : w.getPluginPath().toString();
    }

    private void unload(String id) {
        try {
            manager.unloadPlugin(id);
        } catch (RuntimeException e) {
            // the plugin is already refused; a failure to release it only costs memory
        }
    }

    private static String reason(Throwable e) {
        String msg = PluginDescriptors.rootMessage(e);
        if (msg.startsWith("not a readable jar") || msg.startsWith("no plugin descriptor")) {
            return msg;
        }
        Throwable t = e;
        while (t != null) {
            if (t.getMessage() != null && (t.getMessage().startsWith("not a readable jar")
                    || t.getMessage().startsWith("no plugin descriptor"))) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return "cannot be loaded: " + ExerciseDiscovery.describe(e);
    }

    /** Stops and unloads every plugin (PF4J 3.14's {@code unloadPlugins}; see dependencies.md on 3.15). */
    @Override
    public synchronized void close() {
        try {
            manager.unloadPlugins();
        } catch (RuntimeException e) {
            // closing: nothing left to protect
        }
    }
}

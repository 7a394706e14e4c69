package pagelab.app.desktop.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The editor's side of the data folder: opens an exercise's files and saves the student's edits and progress, all on
 * one background thread ("autosave"). That thread alone knows what each open file came from ({@link Origin}) and
 * where its edits were diverted, so saves queued one after another each see the previous one's result. Opening waits
 * for the saves queued before it: a file is never read while an older save of it is still pending.
 *
 * <p>Callbacks run on the autosave thread; a Swing caller hands them to the event-dispatch thread.
 */
public final class Autosaver {
    private final UserDataStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autosave");
        t.setDaemon(true);
        return t;
    });
    // Confined to the writer thread. Key: exercise id + '/' + file name.
    private final Map<String, FileState> files = new HashMap<>();

    private record FileState(Origin origin, Path divertedTo) {
    }

    /**
     * An exercise's files as opened.
     *
     * @param texts   what the editor shows, by file name, in the starter's order
     * @param notices what the student must be told about them (a file read in another encoding, kept aside ...)
     */
    public record Opened(Map<String, String> texts, List<DataNotice> notices) {
    }

    public Autosaver(UserDataStore store) {
        this.store = store;
    }

    /**
     * Opens the student's copy of each file of an exercise, or the starter where there is none (see {@link
     * UserDataStore#openSolution}); blocks until the saves queued before have been written.
     *
     * @param starters the starter code by file name
     */
    public Opened open(String exerciseId, Map<String, String> starters) {
        try {
            return writer.submit(() -> {
                Map<String, String> texts = new LinkedHashMap<>();
                List<DataNotice> notices = new ArrayList<>();
                starters.forEach((name, starter) -> {
                    OpenedSolution o = store.openSolution(exerciseId, name, starter);
                    files.put(exerciseId + "/" + name, new FileState(o.origin(), null));
                    texts.put(name, o.text());
                    if (o.notice() != null) {
                        notices.add(o.notice());
                    }
                });
                return new Opened(texts, notices);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Autosaver.open: interrupted while opening " + exerciseId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Autosaver.open: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Saves the editor's texts of an exercise, then {@code progress}. A file that no longer holds what the editor
     * came from is not replaced; its text goes beside it and {@code onNotice} says where (once per file).
     */
    public void save(String exerciseId, Map<String, String> texts, Progress progress, Consumer<DataNotice> onNotice,
                     Consumer<Exception> onError) {
        Map<String, String> copy = new LinkedHashMap<>(texts);
        writer.submit(() -> {
            try {
                for (Map.Entry<String, String> f : copy.entrySet()) {
                    String key = exerciseId + "/" + f.getKey();
                    FileState state = files.getOrDefault(key, new FileState(Origin.UNREADABLE, null));
                    SaveOutcome s = store.saveSolution(exerciseId, f.getKey(), f.getValue(), state.origin(),
                            state.divertedTo());
                    files.put(key, new FileState(s.origin(), s.divertedTo()));
                    if (s.notice() != null) {
                        onNotice.accept(s.notice());
                    }
                }
                store.saveProgress(progress);
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        });
    }

    /** Keeps an exercise's last check (on the writer thread, after any pending saves). */
    public void saveLastCheck(LastCheck check, Consumer<Exception> onError) {
        writer.submit(() -> {
            try {
                store.saveLastCheck(check);
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        });
    }

    public void saveProgress(Progress progress, Consumer<Exception> onError) {
        writer.submit(() -> {
            try {
                store.saveProgress(progress);
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        });
    }

    /**
     * Puts the starter code back: each file is kept as {@code .bak} and then counts as absent. A file that cannot be
     * moved keeps its content and is never saved over (the edits go beside it).
     */
    public void reset(String exerciseId, Collection<String> names, Consumer<Exception> onError) {
        List<String> copy = List.copyOf(names);
        writer.submit(() -> {
            for (String name : copy) {
                String key = exerciseId + "/" + name;
                try {
                    store.deleteSolution(exerciseId, name);
                    files.put(key, new FileState(Origin.ABSENT, null));
                } catch (IOException | RuntimeException e) {
                    files.put(key, new FileState(Origin.UNREADABLE, null));
                    onError.accept(e);
                }
            }
        });
    }

    /** Removes what killed PageLab processes left in the data folder (after a check was killed). */
    public void sweepDataFolder() {
        writer.submit(() -> store.dataFolder().sweep());
    }

    /** Writes what is queued, waiting at most {@code seconds}, and stops the thread. */
    public void close(long seconds) {
        writer.shutdown();
        try {
            writer.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package pagelab.exercise;

import java.util.List;

/**
 * A check as declared by {@link Check}: plain data the host can show before anything runs.
 *
 * @param id     the method name
 * @param title  the title
 * @param points the most points it awards
 * @param after  the ids of its prerequisites
 * @param order  its position key in the report
 * @since 0.1
 */
public record CheckInfo(String id, String title, int points, List<String> after, int order) {
    public CheckInfo {
        after = List.copyOf(after);
    }
}

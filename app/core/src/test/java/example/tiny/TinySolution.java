package example.tiny;

/** The solution interface of the runner's test exercise. */
public interface TinySolution {
    int answer();
}

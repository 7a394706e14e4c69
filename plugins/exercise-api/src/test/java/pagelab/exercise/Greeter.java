package pagelab.exercise;

/** A toy solution interface for the runner's tests. */
public interface Greeter {
    String greet(String name);
}

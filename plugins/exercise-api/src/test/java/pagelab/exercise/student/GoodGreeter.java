package pagelab.exercise.student;

import pagelab.exercise.Greeter;

/** A correct toy solution, in another package as student code is. */
public class GoodGreeter implements Greeter {
    @Override
    public String greet(String name) {
        return "Hello, " + (name == null ? "nobody" : name);
    }
}

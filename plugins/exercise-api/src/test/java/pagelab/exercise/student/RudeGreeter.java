package pagelab.exercise.student;

import pagelab.exercise.Greeter;

/** A wrong toy solution: greets badly and crashes on null. */
public class RudeGreeter implements Greeter {
    @Override
    public String greet(String name) {
        return "Go away, " + name.trim();
    }
}

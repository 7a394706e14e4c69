public class LessonGreeter implements pagelab.exercise.Greeter {
    @Override
    public String greet(String name) {
        // MISTAKE: the name is left out.
        return Salutation.HELLO;
    }
}

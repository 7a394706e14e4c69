public class LessonGreeter implements pagelab.exercise.Greeter {
    @Override
    public String greet(String name) {
        return Salutation.HELLO + ", " + name;
    }
}

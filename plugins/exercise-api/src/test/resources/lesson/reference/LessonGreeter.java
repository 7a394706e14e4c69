public class LessonGreeter implements pagelab.exercise.Greeter {
    @Override
    public String greet(String name) {
        // BEGIN SOLUTION
        // BEGIN WRONG forgets-name
        return Salutation.HELLO + ", " + name;
        // INSTEAD
        // MISTAKE: the name is left out.
        //> return Salutation.HELLO;
        // END WRONG
        // INSTEAD
        //> return Salutation.HELLO; // TODO add the name
        // END SOLUTION
    }
}

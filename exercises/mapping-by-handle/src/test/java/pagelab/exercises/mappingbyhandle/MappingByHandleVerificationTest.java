package pagelab.exercises.mappingbyhandle;

import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerification;

/** The reference scores 100%, the starter less, and each known-wrong solution fails exactly its checks. */
class MappingByHandleVerificationTest extends ExerciseVerification {
    @Override
    protected Exercise exercise() {
        return new MappingByHandle();
    }
}

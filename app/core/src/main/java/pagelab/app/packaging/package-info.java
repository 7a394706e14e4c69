/**
 * PageLab packaged for the graders courses already run: the Gradescope autograder zip, a GitHub Classroom workflow,
 * and PageLab without the desktop (the host's class path and the exercises' plugins) that both, and the container
 * image, are made of.
 */
package pagelab.app.packaging;

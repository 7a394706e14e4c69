@echo off
rem PageLab's launcher in a release (pagelab-VERSION.zip), on Windows: no Maven, no build, any Java 17 (or later) JDK.
rem   bin\pagelab                    opens the desktop
rem   bin\pagelab check sparse-cells --reference     any pagelab command; see bin\pagelab --help
rem JAVA_HOME, when set, names the JDK to run; else the java on the PATH. PAGELAB_JAVA_OPTS adds JVM options.
rem The Windows twin of bin/pagelab, step by step: each step below has the same [tag] there, with the same options,
rem and ReleaseLaunchersTest compares the two. Change both. (The release writes this file with CRLF line ends:
rem cmd.exe misreads labels in a file with LF alone.) No ( ) blocks: a folder such as "Program Files (x86)" would
rem end one early.
setlocal
set "args=1"
if "%~1"=="" set "args=0"

rem [here] The release's folder: the one above this script's.
for %%d in ("%~dp0..") do set "here=%%~fd"

rem [command] How the user typed this command, for PageLab's hints: cmd.exe keeps it in %0 (pagelab when found on
rem the PATH, bin\pagelab as typed).
set "PAGELAB_COMMAND=%~0"

rem [java] The Java to run. Whether it is a JDK 17 or later, PageLab's first class checks (pagelab.app.dist.Launcher).
set "java="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
if not defined java where java >nul 2>nul && set "java=java"
if defined java goto options
echo pagelab: no Java found (no java on the PATH, no JAVA_HOME). Install a Java 17 (or later) JDK, for example Eclipse Temurin 17 JDK from https://adoptium.net 1>&2
exit /b 127

:options
rem [options] The JVM options. PAGELAB_JAVA_OPTS comes after PageLab's own options, so that it can override them.
set "user=%PAGELAB_JAVA_OPTS%"
set post=-Dpagelab.plugins.dir="%here%\plugins" -Dpagelab.install.dir="%here%" -jar "%here%\lib\pagelab.jar"

rem [desktop-cds] The desktop keeps a class-data-sharing archive of the classes it loads in lib\ (made at the end of
rem its first run), which takes about a fifth off its start. Only where lib\ is writable: the JVM refuses to start
rem when it cannot write the archive it was asked for. Windows always has a display.
set "cds="
if "%args%"=="1" goto run
set "jsa=%here%\lib\pagelab-desktop.jsa"
if not exist "%jsa%" goto make-cds
set cds=-XX:SharedArchiveFile="%jsa%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
goto run
:make-cds
type nul 2>nul >"%here%\lib\.pagelab-writable" || goto run
del "%here%\lib\.pagelab-writable"
set cds=-XX:ArchiveClassesAtExit="%jsa%" -Xlog:cds=off -Xlog:cds+dynamic=off

:run
rem [run] C1 and the serial GC start fastest (./pagelab's choice too).
"%java%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %cds% %user% %post% %*
exit /b %errorlevel%

@echo off
rem Runs the exercise tests against your code in exercises\ and prints the progress board: ./exercise for Windows,
rem with no bash. It runs one Maven command line, which works as it is on every system:
rem   mvnw.cmd -q -pl exercise-kit/tests -am test -Pboard -Dtest=*Ex3Test -Dgroups=jpa
rem
rem   exercise.cmd                 every exercise in every library
rem   exercise.cmd jpa             one library, by its key in the registry: jpa, mybatis, jdbi
rem   exercise.cmd jpa 3           one exercise in one library
rem   exercise.cmd 3               one exercise in every library
rem   exercise.cmd --lang ru ...   the board in Russian (en, ru; default: the system's language)
rem Hints: read them in exercises\instructions (the answer is folded under "Answer").
setlocal
cd /d "%~dp0"
set "GROUPS="
set "TESTS=*Ex?Test,*Ex??Test"
set "LANGUAGE="
rem The libraries: the first column of the registry, which the Java code reads too (columns separated by bars).
set "LIBRARIES=test-harness\src\main\resources\onetomany\libraries\libraries.txt"

:parse
if "%~1"=="" goto run
set "KEY="
for /f "usebackq eol=# tokens=1 delims=| " %%k in ("%LIBRARIES%") do if /i "%%k"=="%~1" set "KEY=%%k"
if defined KEY (set "GROUPS=-Dgroups=%KEY%" & shift & goto parse)
if /i "%~1"=="--lang" (set "LANGUAGE=-Dexercises.lang=%~2" & shift & shift & goto parse)
for %%n in (1 2 3 4 5 6 7 8 9 10) do if "%~1"=="%%n" (set "TESTS=*Ex%%nTest" & shift & goto parse)
echo unknown argument: %~1 (expected a library's key in %LIBRARIES%, an exercise number 1-10, or --lang en^|ru) 1>&2
exit /b 2

:run
call "%~dp0mvnw.cmd" -q -pl exercise-kit/tests -am test -Pboard "-Dtest=%TESTS%" %GROUPS% %LANGUAGE%
exit /b %ERRORLEVEL%

@echo off
rem Runs the exercise tests against your code in exercises\ and prints the progress board: ./exercise for Windows,
rem with no bash. It runs one Maven command line, which works as it is on every system:
rem   mvnw.cmd -q -pl exercise-kit/tests -am test -Pboard -Dtest=*Ex3Test -Dgroups=jpa
rem
rem   exercise.cmd                 every exercise in every library
rem   exercise.cmd jpa             one library, by its key in the registry: jpa, mybatis, jdbi
rem   exercise.cmd jpa 3           one exercise in one library
rem   exercise.cmd 3               one exercise in every library
rem   exercise.cmd jpa 3 --hint    the next hint for that exercise and library: 1 nudge, 2 approach, 3 answer
rem   exercise.cmd --lang ru ...   the board, hints and messages in Russian (en, ru; default: the system's language)
rem   exercise.cmd --catch-up jdbi 1 [--force]   put that exercise's solution for that library in exercises\
rem   exercise.cmd --times         when each exercise was first run and first passed here, and the minutes between
rem
rem Exit status of the board: 0 when every cell run passes, 1 when one fails (Maven's own status: the board profile
rem ends Maven with 1 on a red board), 2 when the code does not compile (or Maven fails before the board).
rem Exit status of --catch-up: 0 done, 2 bad arguments, 3 refused (changes not committed), 4 rolled back (the code did not compile with the solution in place).
rem Hints, catch-up and times are the single-file Java programs that ./exercise runs too (the JDK runs them).
setlocal
cd /d "%~dp0"
set "GROUPS="
set "KEY="
set "NUMBER="
set "TESTS=*Ex?Test,*Ex??Test"
set "LANGUAGE="
set "LANGARG="
set "MODE=board"
set "FORCE="
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "PROGRAMS=exercise-kit\tests\src\test\java\onetomany\exercises"
set "BOARD=exercise-kit\tests\target\exercise-board.txt"
rem The libraries: the first column of the registry, which the Java code reads too (columns separated by bars), on
rem the lines of the libraries the workshop teaches (the seventh column, the exercises, is not -).
set "LIBRARIES=test-harness\src\main\resources\onetomany\libraries\libraries.txt"

:parse
if "%~1"=="" goto run
set "FOUND="
for /f "usebackq eol=# tokens=1,7 delims=|" %%k in ("%LIBRARIES%") do for /f "tokens=1" %%a in ("%%k") do for /f "tokens=1" %%e in ("%%l") do if not "%%e"=="-" if /i "%%a"=="%~1" set "FOUND=%%a"
if defined FOUND (set "KEY=%FOUND%" & set "GROUPS=-Dgroups=%FOUND%" & shift & goto parse)
if /i "%~1"=="--lang" (set "LANGUAGE=-Dexercises.lang=%~2" & set "LANGARG=%~2" & shift & shift & goto parse)
if /i "%~1"=="--hint" (set "MODE=hint" & shift & goto parse)
if /i "%~1"=="--times" (set "MODE=times" & shift & goto parse)
if /i "%~1"=="--catch-up" (set "MODE=catch-up" & shift & goto parse)
if /i "%~1"=="--force" (set "FORCE=--force" & shift & goto parse)
for %%n in (1 2 3 4 5 6 7 8 9 10) do if "%~1"=="%%n" (set "NUMBER=%%n" & set "TESTS=*Ex%%nTest" & shift & goto parse)
echo unknown argument: %~1 (expected a library's key in %LIBRARIES%, an exercise number 1-10, --hint, --lang en^|ru, --catch-up, --force or --times) 1>&2
exit /b 2

:run
set "LANGOPT="
if defined LANGARG set "LANGOPT=--lang %LANGARG%"
if "%MODE%"=="hint" goto hint
if "%MODE%"=="times" goto times
if "%MODE%"=="catch-up" goto catchup
rem The board: Maven's exit status is the board's (the board profile ends Maven with 1 on a red board). No board at
rem all means Maven failed before the tests ran (the code does not compile): 2, as ./exercise says.
if exist "%BOARD%" del "%BOARD%"
call "%~dp0mvnw.cmd" -q -pl exercise-kit/tests -am test -Pboard "-Dtest=%TESTS%" %GROUPS% %LANGUAGE% -Dexercises.command=exercise.cmd
set "STATUS=%ERRORLEVEL%"
if not exist "%BOARD%" exit /b 2
exit /b %STATUS%

:hint
"%JAVA%" "%PROGRAMS%\board\Hints.java" %KEY% %NUMBER% %LANGOPT%
exit /b %ERRORLEVEL%

:times
"%JAVA%" "%PROGRAMS%\board\Times.java" %LANGOPT%
exit /b %ERRORLEVEL%

:catchup
"%JAVA%" "%PROGRAMS%\catchup\CatchUp.java" %KEY% %NUMBER% %FORCE% %LANGOPT%
exit /b %ERRORLEVEL%

@echo off
rem Runs the exercise tests against your code in exercises\ and prints the progress board: ./exercise for Windows,
rem with no bash. It runs one Maven command line, which works as it is on every system:
rem   mvnw.cmd -q -pl exercise-tests -am test -Pboard -Dtest=JpaEx3Test
rem
rem   exercise.cmd                 every exercise in every library
rem   exercise.cmd jpa             one library: jpa, mybatis or jdbi
rem   exercise.cmd jpa 3           one exercise in one library
rem   exercise.cmd 3               one exercise in every library
rem   exercise.cmd --lang ru ...   the board in Russian (en, ru; default: the system's language)
rem Hints: read them in exercises\instructions (the answer is folded under "Answer").
setlocal
cd /d "%~dp0"
set "LIBRARY=*"
set "NUMBER=*"
set "LANGUAGE="

:parse
if "%~1"=="" goto run
if /i "%~1"=="jpa" (set "LIBRARY=Jpa" & shift & goto parse)
if /i "%~1"=="mybatis" (set "LIBRARY=MyBatis" & shift & goto parse)
if /i "%~1"=="jdbi" (set "LIBRARY=Jdbi" & shift & goto parse)
if /i "%~1"=="--lang" (set "LANGUAGE=-Dexercises.lang=%~2" & shift & shift & goto parse)
for %%n in (1 2 3 4 5 6 7 8 9 10) do if "%~1"=="%%n" (set "NUMBER=%%n" & shift & goto parse)
echo unknown argument: %~1 (expected jpa, mybatis, jdbi, an exercise number 1-10, or --lang en^|ru) 1>&2
exit /b 2

:run
call "%~dp0mvnw.cmd" -q -pl exercise-tests -am test -Pboard "-Dtest=%LIBRARY%Ex%NUMBER%Test" %LANGUAGE%
exit /b %ERRORLEVEL%

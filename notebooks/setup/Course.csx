// What a notebook's first cell loads (#load "setup/Course.csx"): the course library, built in
// src/RnnNotebooks.Course/bin/Release (setup/Build.csx builds it on a fresh clone), its namespaces, and
// Notebook.Setup(), which registers the displays and prints one line about the environment.
// Paths here are relative to this file, so notebooks/ and notebooks/solutions/ load the same script.
#r "../../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll"
#r "../../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.dll"
#r "../../src/RnnNotebooks.Course/bin/Release/net10.0/Plotly.NET.dll"
#r "../../src/RnnNotebooks.Course/bin/Release/net10.0/Microsoft.Data.Analysis.dll"
#load "Course.usings.cs"

Notebook.Setup();

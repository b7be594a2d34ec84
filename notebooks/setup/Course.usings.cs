// The namespaces every notebook opens: notebooks/setup/Course.csx loads this file in a notebook kernel, and each
// notebook's file-based app includes it (#:include), so the two worlds see the same names.
global using RnnNotebooks.Tensors;
global using RnnNotebooks.Cells;
global using RnnNotebooks.Nn;
global using RnnNotebooks.Diagnostics;
global using RnnNotebooks.Training;
global using RnnNotebooks.Training.Losses;
global using RnnNotebooks.Training.Metrics;
global using RnnNotebooks.Training.Optimizers;
global using RnnNotebooks.Training.Baselines;
global using RnnNotebooks.Data;
global using RnnNotebooks.Data.Download;
global using RnnNotebooks.Data.Imdb;
global using RnnNotebooks.Data.Sequences;
global using RnnNotebooks.Data.Stocks;
global using RnnNotebooks.Data.Text;
global using RnnNotebooks.Data.Seq2Seq;
global using RnnNotebooks.Attention;
global using RnnNotebooks.Seq2Seq;
global using RnnNotebooks.Course;
global using RnnNotebooks.Course.Charts;
global using RnnNotebooks.Course.Progress;
global using RnnNotebooks.Course.Tables;
global using RnnNotebooks.Course.Exercises;
global using static RnnNotebooks.Course.Notebook;
global using Microsoft.Data.Analysis;
global using GenericChart = Plotly.NET.GenericChart;

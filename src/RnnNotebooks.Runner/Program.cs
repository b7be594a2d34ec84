// Entry point of the headless notebook runner (see issue: headless notebook runner).
return 0;

// Typesets the math Markdig left in class="math" elements with KaTeX, and highlights code with highlight.js.
(function () {
  var rendered = 0, failed = 0;
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent.trim();
    var display = el.tagName === 'DIV';
    tex = tex.replace(/^\\\(|\\\)$/g, '').replace(/^\\\[|\\\]$/g, '').replace(/^\$\$|\$\$$/g, '').trim();
    try {
      katex.render(tex, el, { displayMode: display, throwOnError: true });
      rendered++;
    } catch (e) {
      failed++;
      el.classList.add('math-error');
      el.title = String(e.message || e);
    }
  });
  document.body.dataset.mathRendered = rendered;
  document.body.dataset.mathFailed = failed;
  if (window.hljs) {
    document.querySelectorAll('pre code.language-csharp').forEach(function (el) { hljs.highlightElement(el); });
  }
})();

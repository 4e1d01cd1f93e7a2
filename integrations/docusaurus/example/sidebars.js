module.exports = {
  docs: ['build-an-image', 'multi-stage', 'by-hand'],
};

// departments.js - placeholder

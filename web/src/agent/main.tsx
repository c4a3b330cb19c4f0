// Base styles first, so each view's own stylesheet (imported by its component) comes after them.
import '../shared/styles/base.css';
import './agent.css';
import { render } from 'preact';
import { App } from './App.tsx';

render(<App />, document.getElementById('app')!);

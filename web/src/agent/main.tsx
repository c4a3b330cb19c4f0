import { render } from 'preact';
import { App } from './App.tsx';
import '../shared/styles/base.css';
import './agent.css';

render(<App />, document.getElementById('app')!);

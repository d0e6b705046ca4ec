import { List, useDynamicRowHeight, type RowComponentProps } from 'react-window';
import { count, fixed, mount, Row } from './common.js';

function RowComponent({ index, style, ariaAttributes }: RowComponentProps) {
  return (
    <div style={style} {...ariaAttributes}>
      <Row index={index} />
    </div>
  );
}

function App() {
  const dynamic = useDynamicRowHeight({ defaultRowHeight: 60 });
  return (
    <List
      style={{ height: 600, width: 400 }}
      rowCount={count}
      rowHeight={fixed ? 30 : dynamic}
      rowComponent={RowComponent}
      rowProps={{}}
    />
  );
}
mount(<App />);
